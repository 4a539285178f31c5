package io.github.nexuspypi.repository.pypi.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where things live inside a PyPI repository. Files sit under {@code /packages/<project>/<version>/}, two levels
 * below the {@code /simple/<project>/} pages, so that the pages' relative links resolve the same way through hosted,
 * proxy and group repositories.
 */
public final class PypiPaths
{
  public static final String SIMPLE = "/simple/";

  public static final String PACKAGES = "/packages/";

  public static final String METADATA_SUFFIX = ".metadata";

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PypiPaths() {
  }

  /** Asset path of a distribution file; project and version must already be normalised. */
  public static String distribution(final String project, final String version, final String filename) {
    return PACKAGES + project + "/" + version + "/" + filename;
  }

  /** PEP 658: the core metadata sits at the file's URL plus {@code .metadata}. */
  public static String metadataOf(final String distributionPath) {
    return distributionPath + METADATA_SUFFIX;
  }

  public static boolean isMetadata(final String path) {
    return path.endsWith(METADATA_SUFFIX);
  }

  /** Prefix shared by every asset of one project: the query key for its page. */
  public static String projectPrefix(final String project) {
    return PACKAGES + project + "/";
  }

  /** The normalised project an asset belongs to, read back from its path: a file's or a proxied page's. */
  public static Optional<String> projectOf(final String assetPath) {
    String prefix = assetPath.startsWith(PACKAGES) ? PACKAGES : assetPath.startsWith(SIMPLE) ? SIMPLE : null;
    if (prefix == null) {
      return Optional.empty();
    }
    int end = assetPath.indexOf('/', prefix.length());
    return end < 0 ? Optional.empty() : Optional.of(assetPath.substring(prefix.length(), end));
  }

  /** The normalised version of a file's release, read back from its path. */
  public static Optional<String> versionOf(final String assetPath) {
    String[] segments = assetPath.split("/");
    // "", "packages", project, version, file
    return segments.length == 5 && assetPath.startsWith(PACKAGES) ? Optional.of(segments[3]) : Optional.empty();
  }

  /**
   * The page's link to a file, relative to {@code /simple/<project>/}, each path segment percent-encoded: a name
   * holding {@code ?}, {@code #} or {@code %} must not make a client fetch another URL.
   */
  public static String linkFromProjectPage(final String distributionPath) {
    StringBuilder link = new StringBuilder("../..");
    for (String segment : distributionPath.substring(1).split("/", -1)) {
      link.append('/');
      encodeSegment(segment, link);
    }
    return link.toString();
  }

  // RFC 3986 unreserved characters, and the two of PEP 440 versions ('!' epochs, '+' local labels), stay as they are.
  private static void encodeSegment(final String segment, final StringBuilder out) {
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!+".indexOf(c) >= 0)) {
        out.append(c);
      }
      else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
  }
}
