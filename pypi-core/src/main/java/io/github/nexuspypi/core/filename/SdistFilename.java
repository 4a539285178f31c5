package io.github.nexuspypi.core.filename;

import java.util.List;
import java.util.Optional;

import io.github.nexuspypi.core.name.ProjectName;
import io.github.nexuspypi.core.version.Version;

/**
 * A source distribution's file name: {@code {name}-{version}.tar.gz} (PEP 625) or {@code .zip}, and the older
 * archive kinds that PEP 527 stopped for uploads but that an index proxying an old project still lists.
 */
public record SdistFilename(String filename, String distribution, String version, String extension)
    implements DistributionFilename
{
  private static final List<String> EXTENSIONS = List.of(".tar.gz", ".zip", ".tar.bz2", ".tar.xz", ".tgz", ".tar");

  static final String LEGACY_EXTENSIONS = ".tar.bz2, .tar.xz, .tgz or .tar";

  static Optional<String> extensionOf(final String filename) {
    return EXTENSIONS.stream().filter(filename::endsWith).findFirst();
  }

  /**
   * Old tools wrote the project name as they found it, {@code -} included ({@code django-foo-1.0.tar.gz}), so the
   * version is what follows the last {@code -} after which a valid version stands, and the name is what precedes it.
   */
  static SdistFilename parse(final String filename) throws InvalidFilenameException {
    String extension = extensionOf(filename).orElseThrow();
    String stem = filename.substring(0, filename.length() - extension.length());
    for (int dash = stem.lastIndexOf('-'); dash > 0; dash = stem.lastIndexOf('-', dash - 1)) {
      String name = stem.substring(0, dash);
      String version = stem.substring(dash + 1);
      if (Version.isValid(version) && ProjectName.isValid(name)) {
        return new SdistFilename(filename, name, version, extension);
      }
    }
    throw new InvalidFilenameException("Filename '" + filename + "' is not a valid source distribution name: expected "
        + "{name}-{version}" + extension + " with a valid project name and a PEP 440 version, e.g. 'my_project-1.0"
        + extension + "'.");
  }

  @Override
  public String respelled(final String newDistribution, final String newVersion) {
    return newDistribution + "-" + newVersion + extension;
  }

  @Override
  public PackageType packageType() {
    return PackageType.SDIST;
  }
}
