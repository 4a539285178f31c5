package io.github.nexuspypi.jenkins.publish;

/**
 * What a form field or a Pipeline argument means when it is blank: not given.
 */
public final class Text
{
  private Text() {
  }

  /** {@code value} without surrounding blanks, or {@code null} when nothing is left. */
  public static String trimmedOrNull(final String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }
}
