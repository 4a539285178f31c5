package io.github.nexuspypi.core.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimpleHtmlWriterTest
{
  private static final String SHA256 = "813202ace4d9301a3c00740c700e012fb9f3f8c73ddcfe02ab558a8df6f175fd";

  private static final String METADATA_SHA256 = "f2c3881dddb70d056c5bd7600a4fae312b2a300e39be6a118d30b90bd27262b5";

  private static String render(final DistributionLink... files) throws IOException {
    StringWriter out = new StringWriter();
    SimpleHtmlWriter.writeProject(new ProjectPage("Foo.Bar", List.of(files), Set.of("1.0")), out);
    return out.toString();
  }

  @Test
  void writesThePageAsPypiOrgDoes() throws IOException {
    String html = render(DistributionLink.builder("foo_bar-1.0-py3-none-any.whl",
            "https://nexus.example/repository/pypi/packages/foo-bar/1.0/foo_bar-1.0-py3-none-any.whl")
        .hashes(Map.of("md5", "900150983cd24fb0d6963f7d28e17f72", "sha256", SHA256))
        .requiresPython(">=3.8, <4")
        .yank(Yank.WITHOUT_REASON)
        .coreMetadata(CoreMetadataRef.sha256(METADATA_SHA256))
        .size(1234L)
        .build());

    assertEquals("""
        <!DOCTYPE html>
        <html>
          <head>
            <meta name="pypi:repository-version" content="1.1">
            <title>Links for foo-bar</title>
          </head>
          <body>
            <h1>Links for foo-bar</h1>
            <a href="https://nexus.example/repository/pypi/packages/foo-bar/1.0/foo_bar-1.0-py3-none-any.whl#sha256=%1$s" \
        data-requires-python="&gt;=3.8, &lt;4" data-yanked="" data-core-metadata="sha256=%2$s" \
        data-dist-info-metadata="sha256=%2$s">foo_bar-1.0-py3-none-any.whl</a><br />
          </body>
        </html>
        """.formatted(SHA256, METADATA_SHA256), html);
  }

  @Test
  void fallsBackToTheStrongestOtherHash() throws IOException {
    String html = render(DistributionLink.builder("a-1.0.tar.gz", "a-1.0.tar.gz")
        .hashes(Map.of("md5", "00", "blake2b_256", "11", "sha512", "22")).build());
    assertTrue(html.contains("<a href=\"a-1.0.tar.gz#sha512=22\">"), html);
  }

  @Test
  void writesNoFragmentWithoutAUsableHash() throws IOException {
    String html = render(DistributionLink.builder("a-1.0.tar.gz", "a-1.0.tar.gz")
        .hashes(Map.of("blake2b_256", "11")).build());
    assertTrue(html.contains("<a href=\"a-1.0.tar.gz\">"), html);
  }

  @Test
  void escapesEverythingItWrites() throws IOException {
    String html = render(DistributionLink.builder("a&b-1.0.tar.gz", "https://h/?a=1&b=\"2\"")
        .yank(new Yank("use <b> & \"c\" instead"))
        .coreMetadata(CoreMetadataRef.WITHOUT_HASH)
        .gpgSig(false)
        .build());
    assertTrue(html.contains("<a href=\"https://h/?a=1&amp;b=&quot;2&quot;\" data-yanked=\"use &lt;b&gt; &amp; "
        + "&quot;c&quot; instead\" data-core-metadata=\"true\" data-dist-info-metadata=\"true\" "
        + "data-gpg-sig=\"false\">a&amp;b-1.0.tar.gz</a><br />"), html);
  }

  @Test
  void writesTheRootPageWithRelativeLinks() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    SimpleHtmlWriter.writeIndex(List.of(new ProjectListEntry("Frob"), new ProjectListEntry("Zope.Interface"),
        new ProjectListEntry("Ünï")).iterator(), out);

    assertEquals("""
        <!DOCTYPE html>
        <html>
          <head>
            <meta name="pypi:repository-version" content="1.1">
            <title>Simple index</title>
          </head>
          <body>
            <a href="frob/">Frob</a>
            <a href="zope-interface/">Zope.Interface</a>
            <a href="ünï/">Ünï</a>
          </body>
        </html>
        """, out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void streamsTheRootPage() throws IOException {
    StringWriter out = new StringWriter();
    ProjectSequence projects = new ProjectSequence(50_000, () -> out.getBuffer().length());

    SimpleHtmlWriter.writeIndex(projects, out);

    assertTrue(projects.writtenHalfwayThrough() > out.getBuffer().length() / 3, "nothing written before the end");
  }
}
