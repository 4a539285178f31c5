package io.github.nexuspypi.core.index;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimpleHtmlParserTest
{
  private static final String SDIST_SHA256 = "813202ace4d9301a3c00740c700e012fb9f3f8c73ddcfe02ab558a8df6f175fd";

  private static final String WHEEL_SHA256 = "f2c3881dddb70d056c5bd7600a4fae312b2a300e39be6a118d30b90bd27262b5";

  private static final String METADATA_SHA256 = "9a0ef4a1ac4ffb8e9a43ee6e1f2fc2b1e6b3b8c5dc2d1c5c11bb3d6e9b9e1ab0";

  private static final URI PAGE = URI.create("https://pypi.org/simple/requests/");

  private static ProjectPage parse(final String html, final URI pageUrl) throws IOException {
    return SimpleHtmlParser.parseProject(new StringReader(html), pageUrl);
  }

  // Laid out as pypi.org's detail.html renders (pypi-protocol.md §1.1), including a later repository version.
  @Test
  void readsAPypiOrgProjectPage() throws IOException {
    String html = """
        <!DOCTYPE html>
        <html>
          <head>
            <meta name="pypi:repository-version" content="1.4">
            <meta name="pypi:project-status" content="active">
            <title>Links for requests</title>
          </head>
          <body>
            <h1>Links for requests</h1>
            <a href="https://files.pythonhosted.org/packages/ba/bb/dfa0/requests-0.2.0.tar.gz#sha256=%s" >requests-0.2.0.tar.gz</a><br />
            <a href="https://files.pythonhosted.org/packages/c3/20/748e/requests-2.32.0-py3-none-any.whl#sha256=%s" data-requires-python="&gt;=3.8" data-yanked="Yanked due to conflicts with CVE-2024-35195 mitigation" data-dist-info-metadata="sha256=%s" data-core-metadata="sha256=%s" data-provenance="https://pypi.org/integrity/requests/2.32.0/requests-2.32.0-py3-none-any.whl/provenance">requests-2.32.0-py3-none-any.whl</a><br />
            </body>
        </html>
        <!--SERIAL 23839593-->
        """.formatted(SDIST_SHA256, WHEEL_SHA256, METADATA_SHA256, METADATA_SHA256);

    ProjectPage page = parse(html, PAGE);

    assertEquals(new ProjectPage("requests", List.of(
        DistributionLink.builder("requests-0.2.0.tar.gz",
                "https://files.pythonhosted.org/packages/ba/bb/dfa0/requests-0.2.0.tar.gz")
            .hashes(Map.of("sha256", SDIST_SHA256))
            .build(),
        DistributionLink.builder("requests-2.32.0-py3-none-any.whl",
                "https://files.pythonhosted.org/packages/c3/20/748e/requests-2.32.0-py3-none-any.whl")
            .hashes(Map.of("sha256", WHEEL_SHA256))
            .requiresPython(">=3.8")
            .yank(new Yank("Yanked due to conflicts with CVE-2024-35195 mitigation"))
            .coreMetadata(CoreMetadataRef.sha256(METADATA_SHA256))
            .build()), java.util.Set.of()), page);
  }

  // The pre-Warehouse pypi.org and devpi style: relative links, md5 fragments, bare data-yanked, unquoted values.
  @Test
  void readsOldStyleRelativeLinks() throws IOException {
    String html = """
        <html><head><title>Links for Foo.Bar</title></head><body><h1>Links for Foo.Bar</h1>
        <a href="../../packages/source/F/Foo.Bar/Foo.Bar-1.0.tar.gz#md5=900150983cd24fb0d6963f7d28e17f72" data-yanked>Foo.Bar-1.0.tar.gz</a><br/>
        <a href=../../packages/2.7/F/Foo.Bar/Foo.Bar-1.0-py2-none-any.whl data-requires-python='&lt;3,&gt;=2.7' data-gpg-sig=true>Foo.Bar-1.0-py2-none-any.whl</a><br/>
        </body></html>
        """;

    ProjectPage page = parse(html, URI.create("https://legacy.example/simple/foo-bar/"));

    assertEquals("foo-bar", page.name());
    DistributionLink sdist = page.files().get(0);
    assertEquals("https://legacy.example/packages/source/F/Foo.Bar/Foo.Bar-1.0.tar.gz", sdist.url());
    assertEquals(Map.of("md5", "900150983cd24fb0d6963f7d28e17f72"), sdist.hashes());
    assertEquals(Yank.WITHOUT_REASON, sdist.yank());
    assertNull(sdist.requiresPython());
    DistributionLink wheel = page.files().get(1);
    assertEquals("https://legacy.example/packages/2.7/F/Foo.Bar/Foo.Bar-1.0-py2-none-any.whl", wheel.url());
    assertEquals(Map.of(), wheel.hashes());
    assertEquals("<3,>=2.7", wheel.requiresPython());
    assertEquals(Boolean.TRUE, wheel.gpgSig());
    assertNull(wheel.yank());
    assertNull(wheel.coreMetadata());
  }

  @Test
  void toleratesSloppyMarkup() throws IOException {
    String html = """
        <HTML><BODY>
        <!-- <a href="commented-1.0.tar.gz">commented-1.0.tar.gz</a> -->
        <A HREF='x-1.0.tar.gz#sha256=AB12' DATA-CORE-METADATA=true>x-1.0.tar.gz
        <a name="anchor-without-href">not a file</a>
        <a href="x-1.1.tar.gz" data-requires-python="&#62;=3.7" data-dist-info-metadata="sha256=CD34"><span>x-1.1.tar.gz</span></a>
        <a href="x-1.2.tar.gz" data-core-metadata="false" data-requires-python=""></a>
        <a href="x-1.3.tar.gz" data-dist-info-metadata="true" data-core-metadata="md5=ef56">x-1.3.tar.gz</a><br>
        <a href="x 1.4.tar.gz">x 1.4.tar.gz
        """;

    ProjectPage page = parse(html, URI.create("https://h.example/simple/x/"));

    assertEquals(List.of("x-1.0.tar.gz", "x-1.1.tar.gz", "x-1.2.tar.gz", "x-1.3.tar.gz", "x 1.4.tar.gz"),
        page.files().stream().map(DistributionLink::filename).toList());
    assertEquals("https://h.example/simple/x/x-1.0.tar.gz", page.files().get(0).url());
    assertEquals(Map.of("sha256", "ab12"), page.files().get(0).hashes());
    assertEquals(CoreMetadataRef.WITHOUT_HASH, page.files().get(0).coreMetadata());
    assertEquals(">=3.7", page.files().get(1).requiresPython());
    assertEquals(new CoreMetadataRef(Map.of("sha256", "cd34")), page.files().get(1).coreMetadata());
    assertNull(page.files().get(2).coreMetadata());
    assertNull(page.files().get(2).requiresPython());
    assertEquals(new CoreMetadataRef(Map.of("md5", "ef56")), page.files().get(3).coreMetadata());
    assertEquals("https://h.example/simple/x/x%201.4.tar.gz", page.files().get(4).url());
  }

  @Test
  void resolvesAgainstTheBaseHref() throws IOException {
    String html = "<html><head><base href=\"https://mirror.example/root/\"><base href=\"/ignored/\">"
        + "<title>Links for x</title></head><a href=\"../packages/x-1.0.tar.gz\">x-1.0.tar.gz</a>";

    ProjectPage page = parse(html, PAGE);

    assertEquals("https://mirror.example/packages/x-1.0.tar.gz", page.files().get(0).url());
  }

  @Test
  void takesTheNameFromThePageUrlWithoutTitle() throws IOException {
    ProjectPage page = parse("<a href=\"/p/Zope.Interface-5.0.tar.gz\">Zope.Interface-5.0.tar.gz</a>",
        URI.create("https://h.example/simple/Zope.Interface/"));

    assertEquals("zope-interface", page.name());
    assertEquals("https://h.example/p/Zope.Interface-5.0.tar.gz", page.files().get(0).url());
  }

  @Test
  void keepsRelativeLinksWithoutPageUrl() throws IOException {
    ProjectPage page = parse("<title>Links for x</title><a href=\"../../packages/x-1.0.tar.gz#sha256=ab\"></a>",
        null);

    assertEquals(DistributionLink.builder("x-1.0.tar.gz", "../../packages/x-1.0.tar.gz")
        .hashes(Map.of("sha256", "ab")).build(), page.files().get(0));
  }

  @Test
  void refusesAPageOfAnotherMajorVersion() {
    String html = "<meta name=\"pypi:repository-version\" content=\"2.0\"><title>Links for x</title>";
    IndexFormatException e = assertThrows(IndexFormatException.class, () -> parse(html, PAGE));
    assertTrue(e.getMessage().contains("2.0"), e.getMessage());
  }

  @Test
  void saysWhenItCannotTellTheProject() {
    IndexFormatException e = assertThrows(IndexFormatException.class,
        () -> parse("<a href=\"x-1.0.tar.gz\">x-1.0.tar.gz</a>", URI.create("https://h.example/")));
    assertTrue(e.getMessage().contains("Cannot tell which project"), e.getMessage());
  }

  // PEP 503's root page example and pypi.org's layout.
  @Test
  void readsTheRootPage() throws IOException {
    String html = """
        <!DOCTYPE html>
        <html>
          <head><meta name="pypi:repository-version" content="1.4"><title>Simple index</title></head>
          <body>
            <a href="/frob/">frob</a>
            <a href="/spamspamspam/">spamspamspam</a>
            <a href="/simple/zope-interface/">Zope.Interface</a>
            <a href="/simple/empty/"> </a>
            <a href=/simple/unclosed/>Unclosed
          </body>
        </html>
        """;
    List<ProjectListEntry> entries = new ArrayList<>();

    SimpleHtmlParser.parseIndex(new StringReader(html), entries::add);

    assertEquals(List.of(new ProjectListEntry("frob"), new ProjectListEntry("spamspamspam"),
        new ProjectListEntry("Zope.Interface"), new ProjectListEntry("Unclosed")), entries);
  }

  @Test
  void streamsTheRootPage() throws IOException {
    int projects = 50_000;
    LazyText page = LazyText.of("<html><body>\n", projects, i -> "<a href=\"/simple/p" + i + "/\">p" + i + "</a>\n",
        "</body></html>");
    List<ProjectListEntry> seen = new ArrayList<>();

    SimpleHtmlParser.parseIndex(page.reader(), entry -> {
      if (seen.isEmpty()) {
        assertTrue(page.remaining() > projects / 2, "the first entry arrived only after most of the page was read");
      }
      seen.add(entry);
    });

    assertEquals(projects, seen.size());
    assertEquals(new ProjectListEntry("p49999"), seen.get(projects - 1));
  }
}
