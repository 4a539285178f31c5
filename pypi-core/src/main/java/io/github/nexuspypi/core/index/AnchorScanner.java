package io.github.nexuspypi.core.index;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * Walks an index page and hands over each {@code <a href>} with its text, the base its link resolves against, and
 * the page title; it enforces PEP 629's repository version on the way. Anchors end at {@code </a>} or, for pages
 * that forget to close them, at the next anchor, line break or end of body.
 */
final class AnchorScanner
{
  interface Listener
  {
    void anchor(Map<String, String> attributes, String text, URI base) throws IOException;
  }

  private static final Set<String> ANCHOR_ENDS = Set.of("a", "br", "body", "html");

  private final HtmlTokenizer tokenizer;

  private URI base;

  private boolean baseSeen;

  private String title;

  AnchorScanner(final Reader reader, final URI pageUrl) {
    this.tokenizer = new HtmlTokenizer(reader);
    this.base = pageUrl;
  }

  /** The text of the page's {@code <title>}, or {@code null} when it has none. */
  String title() {
    return title;
  }

  void scan(final Listener listener) throws IOException {
    Map<String, String> anchor = null;
    StringBuilder anchorText = new StringBuilder();
    StringBuilder titleText = null;
    for (HtmlToken token = tokenizer.next(); token != null; token = tokenizer.next()) {
      if (anchor != null && endsAnchor(token)) {
        listener.anchor(anchor, anchorText.toString().strip(), base);
        anchor = null;
      }
      if (titleText != null && token.kind() != HtmlToken.Kind.TEXT) {
        title = titleText.toString().strip();
        titleText = null;
      }
      switch (token.kind()) {
        case TEXT -> {
          StringBuilder target = anchor != null ? anchorText : titleText;
          if (target != null && target.length() < HtmlTokenizer.MAX_TEXT_LENGTH) {
            target.append(token.text());
          }
        }
        case START_TAG -> {
          if (token.name().equals("a") && token.attributes().containsKey("href")) {
            anchor = token.attributes();
            anchorText.setLength(0);
          }
          else if (token.name().equals("title") && title == null) {
            titleText = new StringBuilder();
          }
          else {
            headElement(token);
          }
        }
        default -> {
        }
      }
    }
    if (anchor != null) {
      listener.anchor(anchor, anchorText.toString().strip(), base);
    }
  }

  private void headElement(final HtmlToken token) throws IndexFormatException {
    if (token.name().equals("base") && !baseSeen && token.attributes().containsKey("href")) {
      // HTML: only the first <base href> counts.
      baseSeen = true;
      base = LinkUrl.base(base, token.attributes().get("href"));
    }
    else if (token.name().equals("meta") && "pypi:repository-version".equalsIgnoreCase(token.attributes().get("name"))) {
      RepositoryVersion.check(token.attributes().get("content"));
    }
  }

  private static boolean endsAnchor(final HtmlToken token) {
    return token.kind() == HtmlToken.Kind.END_TAG ? ANCHOR_ENDS.contains(token.name()) : token.isStartTag("a")
        || token.isStartTag("br");
  }
}
