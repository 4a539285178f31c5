package io.github.nexuspypi.core.name;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Project names: validity (PEP 508 / core metadata "Name") and the PEP 503 normalised form under which every
 * comparison is made, so that {@code Foo.Bar}, {@code foo_bar} and {@code FOO-bar} are one project.
 */
public final class ProjectName
{
  private static final Pattern VALID = Pattern.compile("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

  private ProjectName() {
  }

  public static boolean isValid(final String name) {
    return name != null && VALID.matcher(name).matches();
  }

  /** PEP 503: runs of {@code -_.} become one {@code -}, then lower case. */
  public static String normalize(final String name) {
    return SEPARATORS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
  }

  /**
   * The distribution part that wheel and PEP 625 sdist file names must carry: the normalised name with
   * {@code -} written as {@code _}, because {@code -} separates the file name's fields.
   */
  public static String fileNamePrefix(final String name) {
    return normalize(name).replace('-', '_');
  }

  /** Whether a URL path segment is already the normalised name, so that it needs no redirect. */
  public static boolean isNormalized(final String name) {
    return normalize(name).equals(name);
  }
}
