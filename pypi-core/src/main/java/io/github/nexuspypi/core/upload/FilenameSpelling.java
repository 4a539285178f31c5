package io.github.nexuspypi.core.upload;

import java.util.List;
import java.util.regex.Pattern;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.filename.PackageType;
import io.github.nexuspypi.core.name.ProjectName;
import io.github.nexuspypi.core.version.Version;

import static io.github.nexuspypi.core.upload.UploadRejectedException.badRequest;

/**
 * The spellings of a file name an upload may use. PEP 503 and PEP 440 let many names denote one file
 * ({@code Demo-1.0}, {@code demo-1.0}, {@code demo-01.0}, {@code demo-1.0.0}); stored side by side they would be
 * copies of one file in one release, which would let whoever may add files add them again to a release whose files
 * must not change. The version must be written in its PEP 440 normal form, as every build tool writes it. The name
 * must be the canonical one (PEP 427, PEP 625: normalised, {@code _} between words), as pypi.org requires, or the
 * spelling that setuptools before 69.3 and wheel before 0.41 (Debian 12's, for one) derive from the metadata's
 * {@code Name}, so that files those tools build still upload.
 */
final class FilenameSpelling
{
  // setuptools' safe_name: runs of anything but letters, digits and '.' became one '-' (in wheels, then '_').
  private static final Pattern LEGACY_SEPARATORS = Pattern.compile("[^A-Za-z0-9.]+");

  private FilenameSpelling() {
  }

  static void checkVersion(final DistributionFilename filename, final Version version) throws UploadRejectedException {
    if (!filename.version().equals(version.toString())) {
      throw misspelled(filename, version);
    }
  }

  static void checkName(final DistributionFilename filename, final String metadataName, final Version version)
      throws UploadRejectedException
  {
    if (!names(filename.packageType(), metadataName).contains(filename.distribution())) {
      throw misspelled(filename, version);
    }
  }

  private static List<String> names(final PackageType type, final String metadataName) {
    String separator = type == PackageType.BDIST_WHEEL ? "_" : "-";
    return List.of(ProjectName.fileNamePrefix(metadataName),
        LEGACY_SEPARATORS.matcher(metadataName).replaceAll(separator));
  }

  private static UploadRejectedException misspelled(final DistributionFilename filename, final Version version) {
    return badRequest("Filename '" + filename.filename() + "' is invalid, should be '" + filename.canonical(version)
        + "': a file name writes the project name normalised, with '_' between words, and the version in its "
        + "PEP 440 normal form, as the release's other files do (PEP 427, PEP 625). Rename the file.");
  }
}
