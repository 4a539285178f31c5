package io.github.nexuspypi.core.index;

/** PEP 629's {@code pypi:repository-version} / JSON {@code meta.api-version}: what we write and what we can read. */
final class RepositoryVersion
{
  /** PEP 700's 1.1: JSON pages carry {@code versions}, {@code size} and {@code upload-time}. */
  public static final String CURRENT = "1.1";

  /** What a JSON page may claim when it lacks what 1.1 makes mandatory. */
  public static final String BASE = "1.0";

  private static final int SUPPORTED_MAJOR = 1;

  private RepositoryVersion() {
  }

  /**
   * PEP 629: a client MUST refuse a page of a newer major version, since its meaning may have changed; no version at
   * all means 1.0. A newer minor version only adds things we may ignore.
   */
  public static void check(final String declared) throws IndexFormatException {
    if (declared == null) {
      return;
    }
    String trimmed = declared.trim();
    int dot = trimmed.indexOf('.');
    String major = dot < 0 ? trimmed : trimmed.substring(0, dot);
    if (major.isEmpty() || major.length() > 9 || !major.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IndexFormatException("Index page declares repository version '" + declared
          + "', which is not of the form MAJOR.MINOR (PEP 629)");
    }
    if (Integer.parseInt(major) > SUPPORTED_MAJOR) {
      throw new IndexFormatException("Index page declares repository version " + trimmed
          + ", but only version " + SUPPORTED_MAJOR + ".x of the simple API is understood");
    }
  }
}
