package io.github.nexuspypi.core.retention;

import io.github.nexuspypi.core.version.Version;

/** Whether one release goes, and why, in words an admin reads in the task log and the REST answer. */
public record ReleaseVerdict(Version version, boolean delete, String reason)
{
}
