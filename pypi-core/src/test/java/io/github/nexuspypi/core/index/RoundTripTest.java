package io.github.nexuspypi.core.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What we write, we read back unchanged: the proxy and group parse pages that our own hosted repositories wrote. */
class RoundTripTest
{
  private static final URI PAGE = URI.create("https://nexus.example/repository/pypi-hosted/simple/foo-bar/");

  private static final String SHA256 = "813202ace4d9301a3c00740c700e012fb9f3f8c73ddcfe02ab558a8df6f175fd";

  private static final String METADATA_SHA256 = "f2c3881dddb70d056c5bd7600a4fae312b2a300e39be6a118d30b90bd27262b5";

  private static final List<ProjectListEntry> PROJECTS = List.of(new ProjectListEntry("Foo.Bar"),
      new ProjectListEntry("zope.interface"), new ProjectListEntry("a&b"));

  /** Every detail that both forms carry: one hash per file, no size nor upload time. */
  private static ProjectPage htmlExpressiblePage() {
    return new ProjectPage("foo-bar", List.of(
        DistributionLink.builder("foo_bar-1.0-py3-none-any.whl",
                "https://nexus.example/repository/pypi-hosted/packages/foo-bar/1.0/foo_bar-1.0-py3-none-any.whl")
            .hashes(Map.of("sha256", SHA256))
            .requiresPython(">=3.8, !=3.9.*, <4")
            .coreMetadata(CoreMetadataRef.sha256(METADATA_SHA256))
            .gpgSig(true)
            .build(),
        DistributionLink.builder("foo_bar-1.0.tar.gz", "https://files.example/foo_bar-1.0.tar.gz")
            .hashes(Map.of("md5", "900150983cd24fb0d6963f7d28e17f72"))
            .yank(new Yank("\"broken\" <b>build</b> & 'more'"))
            .coreMetadata(CoreMetadataRef.WITHOUT_HASH)
            .build(),
        DistributionLink.builder("foo_bar-0.9.tar.gz", "https://files.example/foo_bar-0.9.tar.gz")
            .yank(Yank.WITHOUT_REASON)
            .gpgSig(false)
            .build()), Set.of());
  }

  @Test
  void html() throws IOException {
    ProjectPage page = htmlExpressiblePage();
    StringWriter html = new StringWriter();

    SimpleHtmlWriter.writeProject(page, html);

    assertEquals(page, SimpleHtmlParser.parseProject(new StringReader(html.toString()), PAGE));
  }

  @Test
  void json() throws IOException {
    ProjectPage page = htmlExpressiblePage();
    List<DistributionLink> files = new ArrayList<>();
    for (DistributionLink file : page.files()) {
      files.add(file.toBuilder().size((long) file.filename().length()).build());
    }
    files.add(DistributionLink.builder("foo_bar-2.0-py3-none-any.whl", "../../packages/foo_bar-2.0-py3-none-any.whl")
        .hashes(Map.of("sha256", SHA256, "blake2b_256", METADATA_SHA256))
        .coreMetadata(new CoreMetadataRef(Map.of("sha256", METADATA_SHA256, "md5", "00")))
        .size(5_000_000_000L)
        .uploadTime(Instant.parse("2024-05-20T15:50:28.123456Z"))
        .build());
    ProjectPage richer = new ProjectPage(page.name(), files, Set.of("0.9", "1.0", "2.0", "3.0rc1"));
    ByteArrayOutputStream json = new ByteArrayOutputStream();

    SimpleJsonWriter.writeProject(richer, json);

    assertEquals(richer, SimpleJsonParser.parseProject(new ByteArrayInputStream(json.toByteArray()), null));
  }

  @Test
  void htmlRoot() throws IOException {
    StringWriter html = new StringWriter();
    List<ProjectListEntry> read = new ArrayList<>();

    SimpleHtmlWriter.writeIndex(PROJECTS.iterator(), html);
    SimpleHtmlParser.parseIndex(new StringReader(html.toString()), read::add);

    assertEquals(PROJECTS, read);
  }

  @Test
  void jsonRoot() throws IOException {
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    List<ProjectListEntry> read = new ArrayList<>();

    SimpleJsonWriter.writeIndex(PROJECTS.iterator(), json);
    SimpleJsonParser.parseIndex(new ByteArrayInputStream(json.toByteArray()), read::add);

    assertEquals(PROJECTS, read);
  }
}
