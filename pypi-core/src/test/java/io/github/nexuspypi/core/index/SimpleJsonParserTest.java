package io.github.nexuspypi.core.index;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimpleJsonParserTest
{
  private static final String SHA256 = "813202ace4d9301a3c00740c700e012fb9f3f8c73ddcfe02ab558a8df6f175fd";

  private static final String BLAKE2B = "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";

  private static final URI PAGE = URI.create("https://pypi.example/simple/holygrail/");

  private static ProjectPage parse(final String json) throws IOException {
    return SimpleJsonParser.parseProject(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), PAGE);
  }

  // PEP 691 "Project Detail" example, with real digests in place of its "...".
  @Test
  void readsThePep691Example() throws IOException {
    String json = """
        {
          "meta": {"api-version": "1.0"},
          "name": "holygrail",
          "files": [
            {
              "filename": "holygrail-1.0.tar.gz",
              "url": "https://example.com/files/holygrail-1.0.tar.gz",
              "hashes": {"sha256": "%1$s", "blake2b": "%2$s"},
              "requires-python": ">=3.7",
              "yanked": "Had a vulnerability"
            },
            {
              "filename": "holygrail-1.0-py3-none-any.whl",
              "url": "https://example.com/files/holygrail-1.0-py3-none-any.whl",
              "hashes": {"sha256": "%1$s", "blake2b": "%2$s"},
              "requires-python": ">=3.7",
              "dist-info-metadata": true
            }
          ]
        }
        """.formatted(SHA256, BLAKE2B);

    assertEquals(new ProjectPage("holygrail", List.of(
        DistributionLink.builder("holygrail-1.0.tar.gz", "https://example.com/files/holygrail-1.0.tar.gz")
            .hashes(Map.of("sha256", SHA256, "blake2b", BLAKE2B))
            .requiresPython(">=3.7")
            .yank(new Yank("Had a vulnerability"))
            .build(),
        DistributionLink.builder("holygrail-1.0-py3-none-any.whl",
                "https://example.com/files/holygrail-1.0-py3-none-any.whl")
            .hashes(Map.of("sha256", SHA256, "blake2b", BLAKE2B))
            .requiresPython(">=3.7")
            .coreMetadata(CoreMetadataRef.WITHOUT_HASH)
            .build()), Set.of()), parse(json));
  }

  // Shaped as pypi.org's _simple_detail answers (pypi-protocol.md §1.3), with its extra and private keys.
  @Test
  void readsAPypiOrgProjectPage() throws IOException {
    String json = """
        {"meta": {"_last-serial": 23839593, "api-version": "1.4"}, "name": "requests",
         "project-status": {"status": "active"},
         "files": [{"core-metadata": {"sha256": "%1$s"}, "data-dist-info-metadata": {"sha256": "%1$s"},
           "filename": "requests-2.32.0-py3-none-any.whl", "hashes": {"sha256": "%2$s"},
           "provenance": null, "requires-python": ">=3.8", "size": 63147,
           "upload-time": "2024-05-20T15:50:28.123456Z",
           "url": "https://files.pythonhosted.org/packages/c3/20/748e/requests-2.32.0-py3-none-any.whl",
           "yanked": "Yanked due to conflicts with CVE-2024-35195 mitigation"},
          {"core-metadata": false, "data-dist-info-metadata": false, "filename": "requests-0.2.0.tar.gz",
           "hashes": {"sha256": "%2$s"}, "provenance": null, "requires-python": null, "size": 19128,
           "upload-time": "2011-02-14T21:45:18Z", "url": "../../packages/requests-0.2.0.tar.gz", "yanked": false}],
         "versions": ["0.2.0", "2.32.0", "2.32.1"]}
        """.formatted(BLAKE2B, SHA256);

    ProjectPage page = parse(json);

    assertEquals(Set.of("0.2.0", "2.32.0", "2.32.1"), page.versions());
    DistributionLink wheel = page.files().get(0);
    assertEquals(CoreMetadataRef.sha256(BLAKE2B), wheel.coreMetadata());
    assertEquals(63147L, wheel.size());
    assertEquals(Instant.parse("2024-05-20T15:50:28.123456Z"), wheel.uploadTime());
    assertEquals("Yanked due to conflicts with CVE-2024-35195 mitigation", wheel.yank().reason());
    DistributionLink sdist = page.files().get(1);
    assertEquals("https://pypi.example/packages/requests-0.2.0.tar.gz", sdist.url());
    assertNull(sdist.coreMetadata());
    assertNull(sdist.requiresPython());
    assertNull(sdist.yank());
    assertEquals(Instant.parse("2011-02-14T21:45:18Z"), sdist.uploadTime());
  }

  @Test
  void prefersCoreMetadataOverTheOldNamesWhateverTheOrder() throws IOException {
    String json = """
        {"name": "x", "files": [
          {"filename": "a.whl", "url": "a.whl", "hashes": {}, "dist-info-metadata": {"sha256": "aa"},
           "core-metadata": {"sha256": "bb"}},
          {"filename": "b.whl", "url": "b.whl", "hashes": {}, "core-metadata": false,
           "dist-info-metadata": true},
          {"filename": "c.whl", "url": "c.whl", "hashes": {}, "data-dist-info-metadata": {"sha256": "cc"}},
          {"filename": "d.whl", "url": "d.whl", "hashes": {}, "core-metadata": "sha256=dd"}
        ]}
        """;

    List<DistributionLink> files = parse(json).files();

    assertEquals(CoreMetadataRef.sha256("bb"), files.get(0).coreMetadata());
    assertNull(files.get(1).coreMetadata());
    assertEquals(CoreMetadataRef.sha256("cc"), files.get(2).coreMetadata());
    assertEquals(CoreMetadataRef.sha256("dd"), files.get(3).coreMetadata());
  }

  // PEP 691: true or a non-empty reason; pip reads false, null and "" as not yanked.
  @Test
  void readsEveryFormOfYanked() throws IOException {
    String json = """
        {"name": "x", "files": [
          {"filename": "a", "url": "a", "hashes": {}, "yanked": true},
          {"filename": "b", "url": "b", "hashes": {}, "yanked": "broken"},
          {"filename": "c", "url": "c", "hashes": {}, "yanked": false},
          {"filename": "d", "url": "d", "hashes": {}, "yanked": ""},
          {"filename": "e", "url": "e", "hashes": {}, "yanked": null}
        ]}
        """;

    List<DistributionLink> files = parse(json).files();

    assertEquals(Yank.WITHOUT_REASON, files.get(0).yank());
    assertEquals(new Yank("broken"), files.get(1).yank());
    assertNull(files.get(2).yank());
    assertNull(files.get(3).yank());
    assertNull(files.get(4).yank());
  }

  @Test
  void dropsOptionalValuesOfTheWrongType() throws IOException {
    String json = """
        {"name": "x", "files": [{"filename": "a", "url": "a#sha256=ABCD", "hashes": {"MD5": "EF01", "bad": 1},
          "size": "12", "upload-time": "yesterday", "requires-python": 3, "gpg-sig": "yes",
          "unknown": {"nested": [1, 2, {"deep": true}]}}],
         "versions": ["1.0", 2, null]}
        """;

    ProjectPage page = parse(json);

    assertEquals(DistributionLink.builder("a", "https://pypi.example/simple/holygrail/a")
        .hashes(Map.of("md5", "ef01", "sha256", "abcd")).build(), page.files().get(0));
    assertEquals(Set.of("1.0"), page.versions());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "[]",
      "",
      "{\"name\": \"x\", \"files\": [{\"filename\": \"a\", \"url\": \"a\"",
      "{\"name\": \"x\", \"files\": {}}",
      "{\"name\": \"x\", \"files\": [{\"url\": \"a\", \"hashes\": {}}]}",
      "{\"name\": \"x\", \"files\": [{\"filename\": \"a\", \"url\": 1}]}",
      "{\"name\": \"x\", \"files\": [\"a\"]}",
      "{\"files\": []}",
      "{\"meta\": {\"api-version\": \"2.0\"}, \"name\": \"x\", \"files\": []}",
      "{\"name\": \"x\" \"files\": []}"
  })
  void refusesBrokenPages(final String json) {
    IndexFormatException e = assertThrows(IndexFormatException.class, () -> parse(json));
    assertTrue(e.getMessage().contains("JSON") || e.getMessage().contains("version"), e.getMessage());
  }

  @Test
  void refusesHugeStrings() {
    String json = "{\"name\": \"" + "x".repeat(2 << 20) + "\", \"files\": []}";
    assertThrows(IndexFormatException.class, () -> parse(json));
  }

  // PEP 691 "Project List" example, plus pypi.org's private key.
  @Test
  void readsTheRootPage() throws IOException {
    String json = """
        {"meta": {"api-version": "1.0", "_last-serial": 1},
         "projects": [{"name": "Frob", "_last-serial": 7}, {"name": "spamspamspam"}, {"other": 1}, {"name": " "}]}
        """;
    List<ProjectListEntry> entries = new ArrayList<>();

    SimpleJsonParser.parseIndex(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), entries::add);

    assertEquals(List.of(new ProjectListEntry("Frob"), new ProjectListEntry("spamspamspam")), entries);
  }

  @Test
  void streamsTheRootPage() throws IOException {
    int projects = 50_000;
    LazyText page = LazyText.of("{\"meta\": {\"api-version\": \"1.1\"}, \"projects\": [", projects,
        i -> (i == 0 ? "" : ",") + "{\"name\": \"p" + i + "\"}", "]}");
    List<ProjectListEntry> seen = new ArrayList<>();

    SimpleJsonParser.parseIndex(page.inputStream(), entry -> {
      if (seen.isEmpty()) {
        assertTrue(page.remaining() > projects / 2, "the first entry arrived only after most of the page was read");
      }
      seen.add(entry);
    });

    assertEquals(projects, seen.size());
    assertEquals(new ProjectListEntry("p49999"), seen.get(projects - 1));
  }
}
