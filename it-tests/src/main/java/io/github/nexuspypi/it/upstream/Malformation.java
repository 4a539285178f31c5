package io.github.nexuspypi.it.upstream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ways a {@link Fault} breaks an index page. */
public enum Malformation
{
  /**
   * What pypi-core's parser of the page's format rejects: JSON is {@link #TRUNCATED}; HTML declares a
   * {@link #FUTURE_API_VERSION}, because an HTML page that ends early is still a page, with fewer links, to a
   * lenient parser such as pip's or pypi-core's.
   */
  UNREADABLE,
  /** The page's bytes cut in half. */
  TRUNCATED,
  /** The page declares repository version 2.0, which PEP 629 tells clients to refuse. */
  FUTURE_API_VERSION;

  private static final Pattern HTML_VERSION =
      Pattern.compile("(?<head><meta name=\"pypi:repository-version\" content=\")[^\"]*(?<tail>\")");

  private static final Pattern JSON_VERSION = Pattern.compile("(?<head>\"api-version\"\\s*:\\s*\")[^\"]*(?<tail>\")");

  byte[] apply(final byte[] page, final boolean json) {
    return switch (this) {
      case UNREADABLE -> (json ? TRUNCATED : FUTURE_API_VERSION).apply(page, json);
      case TRUNCATED -> Arrays.copyOf(page, page.length / 2);
      case FUTURE_API_VERSION -> futureVersion(new String(page, StandardCharsets.UTF_8), json)
          .getBytes(StandardCharsets.UTF_8);
    };
  }

  private static String futureVersion(final String page, final boolean json) {
    Matcher version = (json ? JSON_VERSION : HTML_VERSION).matcher(page);
    if (!version.find()) {
      throw new IllegalStateException("The page declares no repository version to replace: " + page);
    }
    return version.replaceFirst("${head}2.0${tail}");
  }
}
