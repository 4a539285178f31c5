package io.github.nexuspypi.core.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads an index's answer with the parser its {@code Content-Type} names, as pip does: PEP 691 JSON for
 * {@code application/vnd.pypi.simple.v1+json}, PEP 503 HTML otherwise (old indexes and static mirrors send
 * {@code text/html} or nothing useful), in the charset the header gives or UTF-8.
 */
public final class SimplePages
{
  private SimplePages() {
  }

  public static ProjectPage parseProject(final InputStream in, final String contentType, final URI pageUrl)
      throws IOException
  {
    PageCollector page = new PageCollector();
    return page.toPage(readProject(in, contentType, pageUrl, page));
  }

  /** A project page passed to {@code sink} as it is read, for pages too large to hold; returns the project's name. */
  public static String readProject(final InputStream in, final String contentType, final URI pageUrl,
                                   final ProjectPageSink sink) throws IOException
  {
    if (isJson(contentType)) {
      return SimpleJsonParser.readProject(in, pageUrl, sink);
    }
    return SimpleHtmlParser.readProject(reader(in, contentType), pageUrl, sink);
  }

  public static void parseIndex(final InputStream in, final String contentType, final Consumer<ProjectListEntry> sink)
      throws IOException
  {
    if (isJson(contentType)) {
      SimpleJsonParser.parseIndex(in, sink);
    }
    else {
      SimpleHtmlParser.parseIndex(reader(in, contentType), sink);
    }
  }

  private static boolean isJson(final String contentType) {
    return SimpleFormat.ofMediaType(contentType) == SimpleFormat.JSON_V1;
  }

  private static Reader reader(final InputStream in, final String contentType) {
    return new InputStreamReader(in, charset(contentType));
  }

  static Charset charset(final String contentType) {
    if (contentType != null) {
      for (String parameter : contentType.split(";")) {
        String[] pair = parameter.strip().split("=", 2);
        if (pair.length == 2 && pair[0].strip().toLowerCase(Locale.ROOT).equals("charset")) {
          try {
            return Charset.forName(pair[1].strip().replace("\"", ""));
          }
          catch (IllegalArgumentException e) {
            // An unknown charset: read as the web mostly is.
            return StandardCharsets.UTF_8;
          }
        }
      }
    }
    return StandardCharsets.UTF_8;
  }
}
