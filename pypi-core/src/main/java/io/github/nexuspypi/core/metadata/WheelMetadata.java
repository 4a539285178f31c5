package io.github.nexuspypi.core.metadata;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.nexuspypi.core.filename.WheelFilename;
import io.github.nexuspypi.core.name.ProjectName;
import io.github.nexuspypi.core.version.Version;

/**
 * Finds a wheel's {@code .dist-info} directory (PEP 427 "File contents") and reads its METADATA, requiring the
 * WHEEL and RECORD files beside it as Warehouse does.
 */
final class WheelMetadata
{
  private static final String DIST_INFO = ".dist-info";

  private WheelMetadata() {
  }

  static byte[] read(final ZipDistribution zip, final WheelFilename wheel)
      throws IOException, InvalidDistributionException
  {
    String expected = wheel.distribution() + "-" + wheel.version() + DIST_INFO;
    String distInfo = zip.has(expected + "/METADATA") ? expected : matchingDistInfo(zip, wheel, expected);
    for (String required : List.of("WHEEL", "RECORD")) {
      if (!zip.has(distInfo + "/" + required)) {
        throw missing(zip, required, distInfo);
      }
    }
    return zip.read(distInfo + "/METADATA").orElseThrow(() -> missing(zip, "METADATA", distInfo));
  }

  /**
   * Older tools spelled the directory's name part otherwise than the file name's ({@code Foo.Bar} against
   * {@code foo_bar}); like pip, accept the one top-level {@code .dist-info} directory that names the same project
   * and version.
   */
  private static String matchingDistInfo(final ZipDistribution zip, final WheelFilename wheel, final String expected)
      throws InvalidDistributionException
  {
    Set<String> candidates = new LinkedHashSet<>();
    for (String name : zip.entryNames()) {
      int slash = name.indexOf('/');
      if (slash > 0 && name.substring(0, slash).endsWith(DIST_INFO) && names(name.substring(0, slash), wheel)) {
        candidates.add(name.substring(0, slash));
      }
    }
    if (candidates.isEmpty()) {
      throw missing(zip, "METADATA", expected);
    }
    if (candidates.size() > 1) {
      throw new InvalidDistributionException("Wheel '" + zip.filename() + "' has more than one .dist-info directory "
          + "for this release: " + String.join(", ", candidates) + "; a wheel has exactly one.");
    }
    return candidates.iterator().next();
  }

  private static boolean names(final String distInfo, final WheelFilename wheel) {
    String stem = distInfo.substring(0, distInfo.length() - DIST_INFO.length());
    for (int dash = stem.indexOf('-'); dash > 0; dash = stem.indexOf('-', dash + 1)) {
      if (ProjectName.normalize(stem.substring(0, dash)).equals(wheel.projectKey())
          && Version.tryParse(stem.substring(dash + 1)).filter(wheel.parsedVersion()::equals).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static InvalidDistributionException missing(final ZipDistribution zip, final String file,
                                                      final String distInfo)
  {
    return new InvalidDistributionException("Wheel '" + zip.filename() + "' does not contain the required " + file
        + " file: " + distInfo + "/" + file + "; build the wheel with 'python -m build --wheel' or 'pip wheel'.");
  }
}
