package io.github.nexuspypi.core.index;

import java.util.Map;

/**
 * What {@link HtmlTokenizer} reads: a start tag with its attributes (names lower case, values decoded; an attribute
 * without value has the empty value), an end tag, or a run of decoded text. Tag names are lower case.
 */
record HtmlToken(Kind kind, String name, Map<String, String> attributes, String text)
{
  enum Kind
  {
    START_TAG, END_TAG, TEXT
  }

  static HtmlToken startTag(final String name, final Map<String, String> attributes) {
    return new HtmlToken(Kind.START_TAG, name, attributes, null);
  }

  static HtmlToken endTag(final String name) {
    return new HtmlToken(Kind.END_TAG, name, Map.of(), null);
  }

  static HtmlToken text(final String text) {
    return new HtmlToken(Kind.TEXT, null, Map.of(), text);
  }

  boolean isStartTag(final String tagName) {
    return kind == Kind.START_TAG && name.equals(tagName);
  }

  boolean isEndTag(final String tagName) {
    return kind == Kind.END_TAG && name.equals(tagName);
  }
}
