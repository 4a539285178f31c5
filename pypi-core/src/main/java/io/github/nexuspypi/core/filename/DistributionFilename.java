package io.github.nexuspypi.core.filename;

import io.github.nexuspypi.core.name.ProjectName;
import io.github.nexuspypi.core.version.InvalidVersionException;
import io.github.nexuspypi.core.version.Version;

/**
 * The name of a distribution file, taken apart: a wheel (PEP 427) or a source distribution (PEP 625, and the older
 * spellings a proxy still meets). Parsing never touches the file.
 */
public sealed interface DistributionFilename
    permits WheelFilename, SdistFilename
{
  static DistributionFilename parse(final String filename) throws InvalidFilenameException {
    FilenameSafety.check(filename);
    if (filename.endsWith(WheelFilename.EXTENSION)) {
      return WheelFilename.parse(filename);
    }
    if (SdistFilename.extensionOf(filename).isPresent()) {
      return SdistFilename.parse(filename);
    }
    throw new InvalidFilenameException("Filename '" + filename + "' has an unknown extension: a distribution ends "
        + "with .whl, .tar.gz or .zip (or, for old source distributions, " + SdistFilename.LEGACY_EXTENSIONS + ").");
  }

  String filename();

  /** The project name part as written in the file name, e.g. {@code zope_interface}. */
  String distribution();

  /** The version part as written in the file name. */
  String version();

  PackageType packageType();

  /** The PEP 503 normalised project name, under which the file is filed. */
  default String projectKey() {
    return ProjectName.normalize(distribution());
  }

  /** The same file name with other name and version parts, everything else (tags, extension) as it is. */
  String respelled(String distribution, String version);

  /**
   * The one spelling of this file's name for a release spelled {@code version}: the project name normalised with
   * {@code _} for separators (PEP 427, PEP 625) and the version in its PEP 440 normal form. Other spellings of one
   * name and version would be other files of the same release holding the same thing.
   */
  default String canonical(final Version version) {
    return respelled(ProjectName.fileNamePrefix(distribution()), version.toString());
  }

  /** This file's canonical name for its own version. */
  default String canonical() {
    return canonical(parsedVersion());
  }

  /** {@link #version()} parsed; {@link #parse} accepts only valid versions, so this fails only for hand-made ones. */
  default Version parsedVersion() {
    try {
      return Version.parse(version());
    }
    catch (InvalidVersionException e) {
      throw new IllegalStateException("Not made by DistributionFilename.parse: " + filename(), e);
    }
  }
}
