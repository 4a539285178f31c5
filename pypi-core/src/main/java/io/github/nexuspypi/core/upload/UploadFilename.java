package io.github.nexuspypi.core.upload;

import java.util.Map;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.filename.FilenameSafety;
import io.github.nexuspypi.core.filename.InvalidFilenameException;
import io.github.nexuspypi.core.filename.PackageType;

import static io.github.nexuspypi.core.upload.UploadRejectedException.badRequest;

/**
 * The file name of an upload: safe, of a kind still accepted for upload (PEP 527 and PEP 715 leave {@code .whl},
 * {@code .tar.gz} and {@code .zip}; a proxy may still serve older kinds, but nobody uploads them), matching the
 * declared {@code filetype}, and a distribution name.
 */
final class UploadFilename
{
  private static final Map<String, PackageType> EXTENSIONS = Map.of(
      ".whl", PackageType.BDIST_WHEEL,
      ".tar.gz", PackageType.SDIST,
      ".zip", PackageType.SDIST);

  private UploadFilename() {
  }

  static DistributionFilename check(final String filename, final PackageType filetype) throws UploadRejectedException {
    try {
      FilenameSafety.check(filename);
      String extension = EXTENSIONS.keySet().stream().filter(filename::endsWith).findFirst().orElseThrow(
          () -> badRequest("Invalid file extension: Use .tar.gz, .whl or .zip extension. See "
              + "https://peps.python.org/pep-0527/ and https://peps.python.org/pep-0715/ for more information."));
      if (EXTENSIONS.get(extension) != filetype) {
        throw badRequest("Invalid file extension: Extension " + extension + " is invalid for filetype "
            + filetype.formValue() + ". See https://peps.python.org/pep-0527/ for more information.");
      }
      return DistributionFilename.parse(filename);
    }
    catch (InvalidFilenameException e) {
      throw badRequest(e.getMessage());
    }
  }
}
