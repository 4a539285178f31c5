package io.github.nexuspypi.core.metadata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.nexuspypi.core.version.InvalidVersionException;
import io.github.nexuspypi.core.version.Version;

/**
 * A distribution's core metadata (the packaging "Core metadata specifications"): the {@code METADATA} of a wheel or
 * the {@code PKG-INFO} of an sdist, read as the RFC 822-style header block the specification describes. Fields may
 * repeat ({@code Classifier}, {@code Requires-Dist}); names match case-insensitively; from Metadata-Version 2.1 the
 * message body is the description.
 */
public final class CoreMetadata
{
  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

  /** RFC 822 field names: printable ASCII without the colon. */
  private static final Pattern FIELD_NAME = Pattern.compile("[!-9;-~]+");

  private final List<Field> fields;

  private final String body;

  private record Field(String name, String value)
  {
  }

  private CoreMetadata(final List<Field> fields, final String body) {
    this.fields = List.copyOf(fields);
    this.body = body;
  }

  /**
   * Reads metadata leniently, as Python's email parser does: bytes that are not UTF-8 become U+FFFD, and a line
   * that is neither a field nor a continuation ends the header block. Callers bound the size of {@code bytes}.
   */
  public static CoreMetadata parse(final byte[] bytes) {
    String decoded = new String(bytes, StandardCharsets.UTF_8);
    String text = decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
    List<String> names = new ArrayList<>();
    List<StringBuilder> values = new ArrayList<>();
    // Only the header is cut into lines: the body (often a long README) is taken whole.
    int position = 0;
    while (position <= text.length()) {
      int end = lineEnd(text, position);
      String current = text.substring(position, end);
      int colon = current.indexOf(':');
      if (!current.isEmpty() && (current.charAt(0) == ' ' || current.charAt(0) == '\t')) {
        if (!values.isEmpty()) {
          values.get(values.size() - 1).append('\n').append(unindent(current));
        }
      }
      else if (colon > 0 && FIELD_NAME.matcher(current.substring(0, colon)).matches()) {
        names.add(current.substring(0, colon));
        values.add(new StringBuilder(current.substring(colon + 1).stripLeading()));
      }
      else {
        // A blank line separates the body; any other line that is no field already belongs to the body.
        position = current.isEmpty() ? nextLine(text, end) : position;
        break;
      }
      position = nextLine(text, end);
    }
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      fields.add(new Field(names.get(i), values.get(i).toString().stripTrailing()));
    }
    String body = position > text.length() ? "" : text.substring(position);
    return new CoreMetadata(fields, body.indexOf('\r') < 0 ? body : LINE_BREAK.matcher(body).replaceAll("\n"));
  }

  /** Where the line starting at {@code from} ends: at its line break, or at the end of the text. */
  private static int lineEnd(final String text, final int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        return i;
      }
    }
    return text.length();
  }

  /** Where the line after the one ending at {@code end} starts; past the text's end when there is none. */
  private static int nextLine(final String text, final int end) {
    if (end == text.length()) {
      return end + 1;
    }
    return text.startsWith("\r\n", end) ? end + 2 : end + 1;
  }

  /**
   * A continuation line without its fold. Multi-line values (Description before 2.1, License) are written with
   * each line prefixed by 8 spaces, or 7 spaces and {@code |} (the specification's escape for blank lines), and
   * keep any indentation beyond that.
   */
  private static String unindent(final String line) {
    if (line.startsWith("        ") || line.startsWith("       |")) {
      return line.substring(8);
    }
    return line.stripLeading();
  }

  /** The first value of a field, matched case-insensitively. */
  public Optional<String> get(final String field) {
    return fields.stream().filter(f -> f.name().equalsIgnoreCase(field)).map(Field::value).findFirst();
  }

  /** Every value of a multiple-use field, in order. */
  public List<String> getAll(final String field) {
    return fields.stream().filter(f -> f.name().equalsIgnoreCase(field)).map(Field::value).toList();
  }

  /** {@code Metadata-Version}, or empty if the field is missing. */
  public String metadataVersion() {
    return get("Metadata-Version").orElse("");
  }

  /** {@code Name} as written, or empty if the field is missing. */
  public String name() {
    return get("Name").orElse("");
  }

  /** {@code Version} as written, or empty if the field is missing. */
  public String version() {
    return get("Version").orElse("");
  }

  public Optional<String> summary() {
    return get("Summary");
  }

  public Optional<String> requiresPython() {
    return get("Requires-Python");
  }

  public Optional<String> descriptionContentType() {
    return get("Description-Content-Type");
  }

  /**
   * The long description: from Metadata-Version 2.1 (PEP 566) the message body, before that the
   * {@code Description} field; whichever the file has when it has only one.
   */
  public Optional<String> description() {
    Optional<String> field = get("Description");
    boolean hasBody = !body.isBlank();
    if (hasBody && (field.isEmpty() || bodyIsDescription())) {
      return Optional.of(body);
    }
    return field;
  }

  private boolean bodyIsDescription() {
    try {
      return Version.parse(metadataVersion()).compareTo(Version.parse("2.1")) >= 0;
    }
    catch (InvalidVersionException e) {
      // A Metadata-Version this code cannot read comes from a tool newer than it, not an older one.
      return true;
    }
  }
}
