package io.github.nexuspypi.repository.pypi;

import java.nio.file.Path;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.hash.FileDigests;
import io.github.nexuspypi.core.metadata.CoreMetadata;
import io.github.nexuspypi.core.metadata.InspectedDistribution;
import io.github.nexuspypi.core.version.Version;

/**
 * A distribution file that passed every check and waits on disk to be stored, with what the index needs to know
 * about it.
 */
public final class PreparedDistribution
{
  private final DistributionFilename filename;

  private final Version version;

  private final InspectedDistribution inspected;

  private final String pythonVersion;

  private final FileDigests digests;

  private final long size;

  private final Path file;

  private final SourceDetails source;

  /**
   * @param pythonVersion the upload form's {@code pyversion} ({@code source} for sdists), which the Warehouse JSON
   *                      API reports back as {@code python_version}
   */
  public PreparedDistribution(final DistributionFilename filename, final Version version,
                              final InspectedDistribution inspected, final String pythonVersion,
                              final FileDigests digests, final long size, final Path file)
  {
    this(filename, version, inspected, pythonVersion, digests, size, file, SourceDetails.NONE);
  }

  private PreparedDistribution(final DistributionFilename filename, final Version version,
                               final InspectedDistribution inspected, final String pythonVersion,
                               final FileDigests digests, final long size, final Path file,
                               final SourceDetails source)
  {
    this.filename = filename;
    this.version = version;
    this.inspected = inspected;
    this.pythonVersion = pythonVersion;
    this.digests = digests;
    this.size = size;
    this.file = file;
    this.source = source;
  }

  /** The same file, imported with what its source index says about it. */
  public PreparedDistribution from(final SourceDetails details) {
    return new PreparedDistribution(filename, version, inspected, pythonVersion, digests, size, file, details);
  }

  public DistributionFilename filename() {
    return filename;
  }

  public String project() {
    return filename.projectKey();
  }

  public Version version() {
    return version;
  }

  public CoreMetadata metadata() {
    return inspected.metadata();
  }

  /** The exact bytes of the file's {@code METADATA} or {@code PKG-INFO}, served as its PEP 658 {@code .metadata}. */
  public byte[] metadataFile() {
    return inspected.metadataFile();
  }

  public String pythonVersion() {
    return pythonVersion;
  }

  public FileDigests digests() {
    return digests;
  }

  public long size() {
    return size;
  }

  public Path file() {
    return file;
  }

  public SourceDetails source() {
    return source;
  }
}
