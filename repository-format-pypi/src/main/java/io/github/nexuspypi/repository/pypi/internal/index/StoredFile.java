package io.github.nexuspypi.repository.pypi.internal.index;

import java.util.Map;

import io.github.nexuspypi.core.index.DistributionLink;

/**
 * One stored distribution file, as the pages and the JSON API describe it.
 */
public final class StoredFile
{
  private final String path;

  private final String version;

  private final DistributionLink link;

  private final String packageType;

  private final String pythonVersion;

  private final Map<String, String> digests;

  /**
   * @param path    its asset path
   * @param version the normalised version of its release
   * @param link    the file as a project page lists it, linked relative to {@code /simple/<project>/}
   * @param digests md5, sha256 and blake2b_256, as the Warehouse JSON API names them
   */
  public StoredFile(final String path, final String version, final DistributionLink link, final String packageType,
                    final String pythonVersion, final Map<String, String> digests)
  {
    this.path = path;
    this.version = version;
    this.link = link;
    this.packageType = packageType;
    this.pythonVersion = pythonVersion;
    this.digests = digests;
  }

  public String path() {
    return path;
  }

  public String version() {
    return version;
  }

  public DistributionLink link() {
    return link;
  }

  public String packageType() {
    return packageType;
  }

  public String pythonVersion() {
    return pythonVersion;
  }

  public Map<String, String> digests() {
    return digests;
  }
}
