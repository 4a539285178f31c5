package io.github.nexuspypi.core.filename;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.nexuspypi.core.name.ProjectName;
import io.github.nexuspypi.core.version.Version;

/**
 * A wheel's file name, PEP 427 "File name convention":
 * {@code {distribution}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform tag}.whl}, where each tag may be
 * a {@code .}-separated set ({@code py2.py3}).
 */
public record WheelFilename(
    String filename,
    String distribution,
    String version,
    Optional<String> buildTag,
    List<String> pythonTags,
    List<String> abiTags,
    List<String> platformTags)
    implements DistributionFilename
{
  static final String EXTENSION = ".whl";

  private static final String GRAMMAR =
      "{distribution}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform tag}.whl";

  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*");

  private static final Pattern BUILD_TAG = Pattern.compile("[0-9][A-Za-z0-9_.]*");

  public WheelFilename {
    pythonTags = List.copyOf(pythonTags);
    abiTags = List.copyOf(abiTags);
    platformTags = List.copyOf(platformTags);
  }

  static WheelFilename parse(final String filename) throws InvalidFilenameException {
    String[] parts = filename.substring(0, filename.length() - EXTENSION.length()).split("-", -1);
    if (parts.length != 5 && parts.length != 6) {
      throw invalid(filename, "it has " + parts.length + " '-'-separated parts where " + GRAMMAR + " has 5 or 6");
    }
    if (!ProjectName.isValid(parts[0])) {
      throw invalid(filename, "'" + parts[0] + "' is not a valid project name");
    }
    if (!Version.isValid(parts[1])) {
      throw invalid(filename, "'" + parts[1] + "' is not a PEP 440 version");
    }
    Optional<String> buildTag = parts.length == 6 ? Optional.of(parts[2]) : Optional.empty();
    if (buildTag.isPresent() && !BUILD_TAG.matcher(buildTag.get()).matches()) {
      throw invalid(filename, "the build tag '" + buildTag.get() + "' is not a digit followed by letters or digits");
    }
    int tags = parts.length - 3;
    for (int i = tags; i < parts.length; i++) {
      if (!TAG.matcher(parts[i]).matches()) {
        throw invalid(filename, "'" + parts[i] + "' is not a compatibility tag (PEP 425)");
      }
    }
    return new WheelFilename(filename, parts[0], parts[1], buildTag, split(parts[tags]), split(parts[tags + 1]),
        split(parts[tags + 2]));
  }

  private static List<String> split(final String tagSet) {
    return Arrays.asList(tagSet.split("\\."));
  }

  private static InvalidFilenameException invalid(final String filename, final String reason) {
    return new InvalidFilenameException("Filename '" + filename + "' is not a valid wheel name: " + reason + ". "
        + "Expected " + GRAMMAR + ".");
  }

  @Override
  public String respelled(final String newDistribution, final String newVersion) {
    return newDistribution + "-" + newVersion + buildTag.map(tag -> "-" + tag).orElse("") + "-" + pythonTag() + "-"
        + abiTag() + "-" + platformTag() + EXTENSION;
  }

  @Override
  public PackageType packageType() {
    return PackageType.BDIST_WHEEL;
  }

  /** The python tag field as written, e.g. {@code py2.py3}: what the upload form's {@code pyversion} carries. */
  public String pythonTag() {
    return String.join(".", pythonTags);
  }

  public String abiTag() {
    return String.join(".", abiTags);
  }

  public String platformTag() {
    return String.join(".", platformTags);
  }
}
