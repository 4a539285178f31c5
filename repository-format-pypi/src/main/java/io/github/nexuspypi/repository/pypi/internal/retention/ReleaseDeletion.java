package io.github.nexuspypi.repository.pypi.internal.retention;

import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.content.Component;

/**
 * How a release is deleted: always through Nexus's component deletion (the repository's maintenance facet), so
 * blobs are soft-deleted for "Compact blob store" and content events refresh pages; checked against the caller's
 * privileges from REST, unchecked from a scheduled task an admin set up.
 */
public interface ReleaseDeletion
{
  void delete(Repository repository, Component release);
}
