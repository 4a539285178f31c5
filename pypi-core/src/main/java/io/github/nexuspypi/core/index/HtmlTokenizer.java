package io.github.nexuspypi.core.index;

import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A forgiving, streaming HTML tokenizer for index pages: enough of HTML5's tokenization to find tags and their
 * attributes in what real servers emit (any quoting, any case, comments, doctype, unclosed elements, script and style
 * contents skipped). It reads each character once and holds at most one tag or one bounded run of text, so that a
 * root page of 600 000 projects costs no more memory than a small one.
 */
final class HtmlTokenizer
{
  static final int MAX_TAG_LENGTH = 64 * 1024;

  /** Text beyond this within one run is dropped: nothing an index needs (a file name) is longer. */
  static final int MAX_TEXT_LENGTH = 16 * 1024;

  private static final int EOF = -1;

  private final Reader reader;

  private final char[] buffer = new char[8192];

  private int position;

  private int limit;

  private int tagLength;

  /** The element whose raw contents (script, style) must be skipped before tokenizing again. */
  private String rawTextElement;

  HtmlTokenizer(final Reader reader) {
    this.reader = reader;
  }

  /** The next token, or {@code null} at the end of the input. */
  HtmlToken next() throws IOException {
    while (true) {
      if (rawTextElement != null) {
        skipRawText();
      }
      int c = read();
      if (c == EOF) {
        return null;
      }
      if (c != '<') {
        return readText((char) c);
      }
      int next = peek();
      tagLength = 1;
      if (next == '!' || next == '?') {
        skipMarkupDeclaration();
      }
      else if (next == '/') {
        read();
        HtmlToken end = readEndTag();
        if (end != null) {
          return end;
        }
      }
      else if (isAsciiLetter(next)) {
        return readStartTag();
      }
      else {
        return readText('<');
      }
    }
  }

  private HtmlToken readText(final char first) throws IOException {
    StringBuilder text = new StringBuilder().append(first);
    while (peek() != '<' && peek() != EOF) {
      int c = read();
      if (text.length() < MAX_TEXT_LENGTH) {
        text.append((char) c);
      }
    }
    return HtmlToken.text(HtmlEntities.decode(text.toString()));
  }

  /** Comments, doctype, CDATA and processing instructions: nothing an index page carries in them is needed. */
  private void skipMarkupDeclaration() throws IOException {
    boolean comment = read() == '!' && peek() == '-' && read() == '-' && peek() == '-';
    if (!comment) {
      skipPast('>');
      return;
    }
    read();
    int dashes = 0;
    for (int c = read(); c != EOF; c = read()) {
      if (c == '>' && dashes >= 2) {
        return;
      }
      dashes = c == '-' ? dashes + 1 : 0;
    }
  }

  private HtmlToken readEndTag() throws IOException {
    String name = readTagName();
    skipPast('>');
    return name.isEmpty() ? null : HtmlToken.endTag(name);
  }

  private HtmlToken readStartTag() throws IOException {
    String name = readTagName();
    Map<String, String> attributes = new LinkedHashMap<>();
    while (true) {
      skipWhitespaceAndSlashes();
      int c = peek();
      if (c == EOF) {
        return null;
      }
      if (c == '>') {
        read();
        break;
      }
      String attribute = readAttributeName();
      skipWhitespace();
      String value = "";
      if (peek() == '=') {
        readInTag();
        skipWhitespace();
        value = HtmlEntities.decode(readAttributeValue());
      }
      // HTML5: of repeated attributes, the first one counts.
      attributes.putIfAbsent(attribute, value);
    }
    if (name.equals("script") || name.equals("style")) {
      rawTextElement = name;
    }
    return HtmlToken.startTag(name, attributes);
  }

  private String readTagName() throws IOException {
    StringBuilder name = new StringBuilder();
    while (!isWhitespace(peek()) && peek() != '/' && peek() != '>' && peek() != EOF) {
      name.append((char) readInTag());
    }
    return name.toString().toLowerCase(Locale.ROOT);
  }

  private String readAttributeName() throws IOException {
    StringBuilder name = new StringBuilder().append((char) readInTag());
    while (!isWhitespace(peek()) && peek() != '/' && peek() != '>' && peek() != '=' && peek() != EOF) {
      name.append((char) readInTag());
    }
    return name.toString().toLowerCase(Locale.ROOT);
  }

  private String readAttributeValue() throws IOException {
    StringBuilder value = new StringBuilder();
    int quote = peek();
    if (quote == '"' || quote == '\'') {
      readInTag();
      for (int c = readInTag(); c != quote && c != EOF; c = readInTag()) {
        value.append((char) c);
      }
    }
    else {
      while (!isWhitespace(peek()) && peek() != '>' && peek() != EOF) {
        value.append((char) readInTag());
      }
    }
    return value.toString();
  }

  /** Skips to just after {@code </name}, matched without case, then past the rest of that end tag. */
  private void skipRawText() throws IOException {
    String end = "</" + rawTextElement;
    rawTextElement = null;
    int matched = 0;
    for (int c = read(); c != EOF; c = read()) {
      // No proper prefix of "</name" recurs inside it, so a mismatch can only restart at a '<'.
      matched = Character.toLowerCase(c) == end.charAt(matched) ? matched + 1 : (c == '<' ? 1 : 0);
      if (matched == end.length()) {
        skipPast('>');
        return;
      }
    }
  }

  private void skipWhitespace() throws IOException {
    while (isWhitespace(peek())) {
      readInTag();
    }
  }

  private void skipWhitespaceAndSlashes() throws IOException {
    while (isWhitespace(peek()) || peek() == '/') {
      readInTag();
    }
  }

  private void skipPast(final char stop) throws IOException {
    for (int c = read(); c != stop && c != EOF; c = read()) {
      // skipped
    }
  }

  private int readInTag() throws IOException {
    if (++tagLength > MAX_TAG_LENGTH) {
      throw new IndexFormatException("An HTML tag on the index page is longer than " + MAX_TAG_LENGTH
          + " characters; the page is not a simple repository page");
    }
    return read();
  }

  private int read() throws IOException {
    int c = peek();
    if (c != EOF) {
      position++;
    }
    return c;
  }

  private int peek() throws IOException {
    if (position == limit) {
      limit = reader.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return EOF;
      }
    }
    return buffer[position];
  }

  private static boolean isAsciiLetter(final int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isWhitespace(final int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }
}
