package io.github.nexuspypi.repository.pypi;

import java.nio.file.Path;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.hash.FileDigests;
import io.github.nexuspypi.core.metadata.CoreMetadata;
import io.github.nexuspypi.core.version.Version;

/**
 * A distribution file that passed every check and waits on disk to be stored, with what the index needs to know
 * about it.
 *
 * @param pythonVersion the upload form's {@code pyversion} ({@code source} for sdists), which the Warehouse JSON API
 *                      reports back as {@code python_version}
 * @param metadataFile  the exact bytes of the file's {@code METADATA} or {@code PKG-INFO}, served as its PEP 658
 *                      {@code .metadata}
 */
public record PreparedDistribution(
    DistributionFilename filename,
    Version version,
    CoreMetadata metadata,
    byte[] metadataFile,
    String pythonVersion,
    FileDigests digests,
    long size,
    Path file)
{
  public String project() {
    return filename.projectKey();
  }
}
