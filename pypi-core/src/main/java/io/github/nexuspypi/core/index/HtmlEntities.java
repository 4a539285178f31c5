package io.github.nexuspypi.core.index;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * HTML character references: escaping what we write and decoding what pages written by others contain. Decoding
 * knows the references that index pages use in practice (the five XML ones, {@code nbsp}, and every numeric one);
 * any other {@code &...} stays as written, as a browser shows an unknown reference.
 */
final class HtmlEntities
{
  private static final Map<String, String> NAMED = Map.of(
      "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", "\u00a0");

  // HTML5 also decodes these few without the ';' (e.g. an unescaped "&lt" in old pages), unless a name continues.
  private static final Map<String, String> LEGACY = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"");

  private static final int LONGEST_NAME = 4;

  private static final int MAX_NUMERIC_DIGITS = 8;

  private HtmlEntities() {
  }

  /** Escapes for element text and quoted attribute values alike. */
  static void escape(final String text, final Writer out) throws IOException {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.write("&amp;");
        case '<' -> out.write("&lt;");
        case '>' -> out.write("&gt;");
        case '"' -> out.write("&quot;");
        case '\'' -> out.write("&#39;");
        default -> out.write(c);
      }
    }
  }

  static String decode(final String text) {
    int amp = text.indexOf('&');
    if (amp < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (amp >= 0) {
      out.append(text, i, amp);
      i = amp + 1 + (text.startsWith("#", amp + 1) ? decodeNumeric(text, amp + 2, out) : decodeNamed(text, amp + 1, out));
      amp = text.indexOf('&', i);
    }
    return out.append(text, i, text.length()).toString();
  }

  /** Appends the referenced character (or a literal '&') and returns how many characters after the '&' it used. */
  private static int decodeNamed(final String text, final int start, final StringBuilder out) {
    int end = start;
    while (end < text.length() && end - start <= LONGEST_NAME && Character.isLetterOrDigit(text.charAt(end))) {
      end++;
    }
    String name = text.substring(start, end);
    boolean terminated = end < text.length() && text.charAt(end) == ';';
    if (terminated && NAMED.containsKey(name)) {
      out.append(NAMED.get(name));
      return end + 1 - start;
    }
    boolean continues = end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '=');
    if (!terminated && !continues && LEGACY.containsKey(name)) {
      out.append(LEGACY.get(name));
      return end - start;
    }
    out.append('&');
    return 0;
  }

  private static int decodeNumeric(final String text, final int start, final StringBuilder out) {
    boolean hex = start < text.length() && (text.charAt(start) == 'x' || text.charAt(start) == 'X');
    int digitsStart = hex ? start + 1 : start;
    int end = digitsStart;
    while (end < text.length() && Character.digit(text.charAt(end), hex ? 16 : 10) >= 0) {
      end++;
    }
    if (end == digitsStart) {
      out.append('&');
      return 0;
    }
    int codePoint = end - digitsStart > MAX_NUMERIC_DIGITS
        ? -1 : Integer.parseInt(text.substring(digitsStart, end), hex ? 16 : 10);
    boolean valid = codePoint > 0 && codePoint <= Character.MAX_CODE_POINT
        && !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
    out.appendCodePoint(valid ? codePoint : 0xFFFD);
    boolean terminated = end < text.length() && text.charAt(end) == ';';
    return (terminated ? end + 1 : end) - (start - 1);
  }
}
