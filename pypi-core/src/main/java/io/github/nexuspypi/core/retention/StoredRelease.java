package io.github.nexuspypi.core.retention;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.github.nexuspypi.core.version.Version;

/**
 * What retention knows of one release of a project: its version, when its newest file was uploaded, and when any of
 * its files was last downloaded, if ever.
 */
public record StoredRelease(Version version, Instant uploaded, Optional<Instant> lastDownloaded)
{
  public StoredRelease {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(uploaded, "uploaded");
    Objects.requireNonNull(lastDownloaded, "lastDownloaded");
  }
}
