package io.github.nexuspypi.core.index;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads PEP 503 HTML pages, as written by any index (pypi.org, devpi, Artifactory, static mirrors), into the model.
 * Unknown markup is ignored; only links and the {@code data-*} attributes of PEP 503/592/658/714 matter.
 */
public final class SimpleHtmlParser
{
  private static final String TITLE_PREFIX = "links for ";

  private SimpleHtmlParser() {
  }

  /**
   * A project page. Links are resolved against {@code <base href>} or {@code pageUrl} (when {@code null}, relative
   * links stay relative) and lose their hash fragment to {@code hashes}. HTML has no name field: it is taken from a
   * title {@code Links for <name>} as pypi.org writes it, else from the last segment of {@code pageUrl}.
   */
  public static ProjectPage parseProject(final Reader reader, final URI pageUrl) throws IOException {
    PageCollector page = new PageCollector();
    return page.toPage(readProject(reader, pageUrl, page));
  }

  /** A project page, each file handed to {@code sink} as it is read; the project's name is returned at the end. */
  public static String readProject(final Reader reader, final URI pageUrl, final ProjectPageSink sink)
      throws IOException
  {
    AnchorScanner scanner = new AnchorScanner(reader, pageUrl);
    scanner.scan((attributes, text, base) -> sink.file(link(attributes, text, base)));
    return projectName(scanner.title(), pageUrl);
  }

  /**
   * The root page: each anchor's text is a project's name. Entries go to {@code sink} as they are read, so that the
   * list of a large index is never held in memory.
   */
  public static void parseIndex(final Reader reader, final Consumer<ProjectListEntry> sink) throws IOException {
    new AnchorScanner(reader, null).scan((attributes, text, base) -> {
      if (!text.isEmpty()) {
        sink.accept(new ProjectListEntry(text));
      }
    });
  }

  private static DistributionLink link(final Map<String, String> attributes, final String text, final URI base)
      throws IndexFormatException
  {
    LinkUrl.Resolved resolved = LinkUrl.resolve(base, attributes.get("href"));
    String filename = text.isEmpty() ? resolved.lastSegment() : text;
    String requiresPython = attributes.get("data-requires-python");
    String yanked = attributes.get("data-yanked");
    String metadata = attributes.getOrDefault("data-core-metadata", attributes.get("data-dist-info-metadata"));
    String gpgSig = attributes.get("data-gpg-sig");
    return DistributionLink.builder(filename, resolved.url())
        .hashes(resolved.hashes())
        .requiresPython(requiresPython == null || requiresPython.isBlank() ? null : requiresPython.strip())
        .yank(yanked == null ? null : new Yank(yanked))
        .coreMetadata(metadata == null ? null : CoreMetadataRef.fromAttribute(metadata))
        .gpgSig(gpgSig == null ? null : booleanAttribute(gpgSig))
        .build();
  }

  private static Boolean booleanAttribute(final String value) {
    String lower = value.strip().toLowerCase(Locale.ROOT);
    return lower.equals("true") ? Boolean.TRUE : lower.equals("false") ? Boolean.FALSE : null;
  }

  private static String projectName(final String title, final URI pageUrl) throws IndexFormatException {
    if (title != null && title.toLowerCase(Locale.ROOT).startsWith(TITLE_PREFIX)) {
      String name = title.substring(TITLE_PREFIX.length()).strip();
      if (!name.isEmpty()) {
        return name;
      }
    }
    String segment = pageUrl == null ? "" : LinkUrl.lastSegment(pageUrl.getPath());
    if (segment.isEmpty()) {
      throw new IndexFormatException("Cannot tell which project the index page at " + pageUrl
          + " is for: it has no title 'Links for <name>' and its URL ends in no name");
    }
    return segment;
  }
}
