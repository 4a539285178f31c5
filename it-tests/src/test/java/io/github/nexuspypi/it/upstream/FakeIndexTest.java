package io.github.nexuspypi.it.upstream;

import io.github.nexuspypi.core.index.CoreMetadataRef;
import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.SimpleHtmlParser;
import io.github.nexuspypi.core.index.SimpleJsonParser;
import io.github.nexuspypi.core.index.Yank;
import io.github.nexuspypi.it.dists.SdistBuilder;
import io.github.nexuspypi.it.dists.WheelBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.github.nexuspypi.it.upstream.UpstreamHttp.HTML;
import static io.github.nexuspypi.it.upstream.UpstreamHttp.JSON;
import static io.github.nexuspypi.it.upstream.UpstreamHttp.PROXY_ACCEPT;
import static io.github.nexuspypi.it.upstream.UpstreamHttp.get;
import static io.github.nexuspypi.it.upstream.UpstreamHttp.parse;
import static io.github.nexuspypi.it.upstream.UpstreamHttp.sha256;
import static io.github.nexuspypi.it.upstream.UpstreamHttp.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fake index's pages and files, read as the proxy and pip read them, in every form and style. */
class FakeIndexTest
{
  private static final ObjectMapper JSON_READER = new ObjectMapper();

  private final WheelBuilder wheel = WheelBuilder.of("Tiny.Wheel", "1.0");

  private final SdistBuilder sdist = SdistBuilder.of("Tiny.Wheel", "1.0");

  private FakeIndex upstream;

  @BeforeEach
  void start() {
    upstream = FakeIndex.start();
    wheel.metadata().field("Requires-Python", ">=3.8");
    FakeProject project = upstream.project("Tiny.Wheel");
    project.file(sdist.fileName(), sdist.toBytes());
    project.file(wheel.fileName(), wheel.toBytes()).requiresPython(">=3.8,<4")
        .uploadTime(Instant.parse("2024-05-06T07:08:09.123456Z"));
  }

  @AfterEach
  void stop() {
    upstream.close();
  }

  @Test
  void theProxysAcceptGetsJsonThatLinksFilesAbsolutelyOnTheFilesHost() throws Exception {
    HttpResponse<byte[]> response = get(upstream.uri().resolve("/simple/tiny-wheel/"), "Accept", PROXY_ACCEPT);

    assertEquals(200, response.statusCode());
    assertEquals(JSON, response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("Accept", response.headers().firstValue("Vary").orElseThrow());
    ProjectPage page = SimpleJsonParser.parseProject(new ByteArrayInputStream(response.body()), response.uri());
    assertEquals("tiny-wheel", page.name());
    assertEquals(List.of("1.0"), List.copyOf(page.versions()));
    DistributionLink sdistLink = page.files().get(0);
    DistributionLink wheelLink = page.files().get(1);
    assertEquals(List.of(sdist.fileName(), wheel.fileName()), List.of(sdistLink.filename(), wheelLink.filename()));
    URI filesHost = upstream.filesHost().uri();
    assertFalse(filesHost.equals(upstream.uri()), "two hosts");
    for (DistributionLink link : page.files()) {
      URI url = URI.create(link.url());
      assertEquals(filesHost.getAuthority(), url.getAuthority(), link.filename());
      assertTrue(url.getPath().matches("/packages/[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{60}/" + link.filename()),
          url::getPath);
      byte[] served = get(url).body();
      assertEquals(Map.of("sha256", sha256(served)), link.hashes());
      assertEquals(served.length, link.size());
    }
    assertArrayEquals(wheel.toBytes(), get(URI.create(wheelLink.url())).body());
    assertEquals(">=3.8,<4", wheelLink.requiresPython());
    assertEquals(Instant.parse("2024-05-06T07:08:09.123456Z"), wheelLink.uploadTime());
  }

  @Test
  void aWheelServesItsOwnMetadataUnlessToldOtherwiseAndAnSdistNone() throws Exception {
    ProjectPage page = parse(get(upstream.uri().resolve("/simple/tiny-wheel/"), "Accept", JSON));
    DistributionLink wheelLink = page.files().get(1);

    assertNull(page.files().get(0).coreMetadata(), "the sdist");
    assertEquals(404, get(URI.create(page.files().get(0).url() + ".metadata")).statusCode());
    byte[] metadata = get(URI.create(wheelLink.url() + ".metadata")).body();
    assertArrayEquals(wheel.metadataBytes(), metadata);
    assertEquals(CoreMetadataRef.sha256(sha256(metadata)), wheelLink.coreMetadata());

    byte[] other = "Metadata-Version: 2.1\nName: tiny-wheel\nVersion: 1.0\n".getBytes();
    upstream.file(wheel.fileName()).coreMetadata(other);
    DistributionLink changed = parse(get(upstream.uri().resolve("/simple/tiny-wheel/"), "Accept", JSON)).files().get(1);
    assertArrayEquals(other, get(URI.create(changed.url() + ".metadata")).body());
    assertEquals(CoreMetadataRef.sha256(sha256(other)), changed.coreMetadata());

    upstream.file(wheel.fileName()).withoutCoreMetadata();
    assertNull(parse(get(upstream.uri().resolve("/simple/tiny-wheel/"), "Accept", JSON)).files().get(1).coreMetadata());
    assertEquals(404, get(URI.create(wheelLink.url() + ".metadata")).statusCode());
  }

  @ParameterizedTest
  @EnumSource(PageStyle.class)
  void htmlAndJsonDescribeTheSameFiles(final PageStyle style) throws Exception {
    upstream.style(style);
    upstream.file(sdist.fileName()).yanked("");
    upstream.file(wheel.fileName()).yanked("Broken <import> & more");
    URI pageUri = upstream.uri().resolve("/simple/tiny-wheel/");

    HttpResponse<byte[]> html = get(pageUri, "Accept", HTML);
    HttpResponse<byte[]> json = get(pageUri, "Accept", PROXY_ACCEPT);

    assertEquals(HTML, html.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("Accept", html.headers().firstValue("Vary").orElseThrow());
    List<DistributionLink> fromHtml = parse(html).files();
    List<DistributionLink> fromJson = parse(json).files();
    assertEquals(Yank.WITHOUT_REASON, fromHtml.get(0).yank());
    assertEquals(new Yank("Broken <import> & more"), fromHtml.get(1).yank());
    assertEquals(">=3.8,<4", fromHtml.get(1).requiresPython());
    // HTML has no size or upload time; everything else must agree.
    assertEquals(fromJson.stream().map(FakeIndexTest::htmlPart).toList(), fromHtml);
  }

  @Test
  void pypiOrgPagesCarryItsQuirks() throws Exception {
    upstream.style(PageStyle.PYPI_ORG);
    upstream.file(sdist.fileName()).yanked("");
    URI pageUri = upstream.uri().resolve("/simple/tiny-wheel/");

    String html = text(get(pageUri, "Accept", HTML));
    String json = text(get(pageUri, "Accept", JSON));

    assertTrue(html.endsWith("</html>\n<!--SERIAL " + PypiOrgPages.SERIAL + "-->\n"), html);
    assertTrue(html.contains("<meta name=\"pypi:repository-version\" content=\"1.4\">"), html);
    assertTrue(html.contains(" data-yanked>" + sdist.fileName() + "</a>"), html);
    assertTrue(html.contains(" data-requires-python=\"&gt;=3.8,&lt;4\""), html);
    assertTrue(html.contains(" data-dist-info-metadata=\"sha256="), html);
    assertTrue(json.contains("\"data-dist-info-metadata\":{\"sha256\":"), json);
    assertTrue(json.contains("\"requires-python\":null"), json);
    assertTrue(json.indexOf("\"files\"") < json.indexOf("\"meta\""), json);
    String rootHtml = text(get(upstream.simpleUri(), "Accept", HTML));
    assertTrue(rootHtml.contains("<a href=\"/simple/tiny-wheel/\">Tiny.Wheel</a>"), rootHtml);
  }

  @ParameterizedTest
  @EnumSource(PageStyle.class)
  void theRootPageListsDisplayNamesInBothForms(final PageStyle style) throws Exception {
    upstream.style(style);
    upstream.project("Other_Project");
    List<String> fromHtml = new ArrayList<>();
    List<String> fromJson = new ArrayList<>();

    SimpleHtmlParser.parseIndex(new StringReader(text(get(upstream.simpleUri(), "Accept", HTML))),
        entry -> fromHtml.add(entry.name()));
    HttpResponse<byte[]> json = get(upstream.simpleUri(), "Accept", PROXY_ACCEPT);
    SimpleJsonParser.parseIndex(new ByteArrayInputStream(json.body()), entry -> fromJson.add(entry.name()));

    assertEquals(JSON, json.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(List.of("Other_Project", "Tiny.Wheel"), fromHtml);
    assertEquals(fromHtml, fromJson);
  }

  @Test
  void anHtmlOnlyIndexAnswersHtmlWhateverTheAccept() throws Exception {
    upstream.htmlOnly(true);

    for (URI uri : List.of(upstream.simpleUri(), upstream.uri().resolve("/simple/tiny-wheel/"))) {
      HttpResponse<byte[]> page = get(uri, "Accept", JSON);
      assertEquals(200, page.statusCode());
      assertEquals(HTML, page.headers().firstValue("Content-Type").orElseThrow());
      assertTrue(page.headers().firstValue("Vary").isEmpty(), uri::toString);
    }
    ProjectPage page = parse(get(upstream.uri().resolve("/simple/tiny-wheel/"), "Accept", PROXY_ACCEPT));
    assertEquals(2, page.files().size());
    assertTrue(page.versions().isEmpty(), "HTML has no versions");
  }

  @Test
  void otherSpellingsRedirectAndUnknownProjectsAreNotFound() throws Exception {
    assertRedirect("/simple/Tiny.Wheel/", "/simple/tiny-wheel/");
    assertRedirect("/simple/tiny-wheel", "/simple/tiny-wheel/");
    assertRedirect("/simple", "/simple/");
    assertEquals(404, get(upstream.uri().resolve("/simple/nothing-here/")).statusCode());
    assertEquals(404, get(upstream.filesHost().uri().resolve("/packages/00/00/0000/nothing.whl")).statusCode());

    upstream.remove("tiny_wheel");
    assertEquals(404, get(upstream.uri().resolve("/simple/tiny-wheel/")).statusCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/root/pypi/+simple/", "/index/", "/artifactory/api/pypi/pypi-remote/simple/"})
  void anIndexMountedElsewhereServesTheSimpleApiThereOnly(final String mountPoint) throws Exception {
    try (FakeIndex mounted = FakeIndex.mountedAt(mountPoint)) {
      mounted.project("Tiny.Wheel").file(wheel.fileName(), wheel.toBytes());

      assertEquals(mounted.uri().resolve(mountPoint), mounted.simpleUri());
      assertEquals(mountPoint + "tiny-wheel/", mounted.project("tiny-wheel").path());
      assertEquals(JSON, get(mounted.simpleUri(), "Accept", PROXY_ACCEPT).headers().firstValue("Content-Type")
          .orElseThrow());
      ProjectPage page = parse(get(mounted.simpleUri().resolve("tiny-wheel/"), "Accept", PROXY_ACCEPT));
      assertEquals(List.of(wheel.fileName()), page.files().stream().map(DistributionLink::filename).toList());
      assertArrayEquals(wheel.toBytes(), get(URI.create(page.files().get(0).url())).body());
      HttpResponse<byte[]> spelled = get(mounted.simpleUri().resolve("Tiny.Wheel"));
      assertEquals(301, spelled.statusCode());
      assertEquals(mounted.simpleUri().resolve("tiny-wheel/").toString(),
          spelled.headers().firstValue("Location").orElseThrow());
      assertEquals(404, get(mounted.uri().resolve("/simple/tiny-wheel/")).statusCode());
      HttpResponse<byte[]> home = get(mounted.uri());
      assertEquals(200, home.statusCode());
      assertTrue(text(home).contains("<a href=\"" + mountPoint.substring(1) + "\">Package index</a>"), text(home));
      assertEquals(404, get(mounted.simpleUri().resolve("tiny-wheel/extra/")).statusCode());
    }
  }

  @Test
  void aFileAddedAgainWithOtherBytesMovesAndTheOldPathIsGone() throws Exception {
    URI old = upstream.file(sdist.fileName()).uri();

    sdist.file("extra.txt", "more");
    FakeFile replaced = upstream.project("tiny-wheel").file(sdist.fileName(), sdist.toBytes());

    assertEquals(404, get(old).statusCode());
    assertArrayEquals(sdist.toBytes(), get(replaced.uri()).body());
    assertEquals(replaced.uri().toString(), parse(get(upstream.uri().resolve("/simple/tiny-wheel/"), "Accept", JSON))
        .files().get(0).url());
  }

  @Test
  void theWarehouseJsonApiDescribesTheReleaseWithItsFilesUnlessSwitchedOff() throws Exception {
    upstream.project("Tiny.Wheel").file("tiny_wheel-0.9.tar.gz", SdistBuilder.of("Tiny.Wheel", "0.9").toBytes());
    assertRedirect("/pypi/Tiny.Wheel/json", "/pypi/tiny-wheel/json");

    JsonNode project = JSON_READER.readTree(get(upstream.uri().resolve("/pypi/tiny-wheel/json")).body());
    JsonNode release = JSON_READER.readTree(get(upstream.uri().resolve("/pypi/tiny-wheel/0.9/json")).body());

    assertEquals("1.0", project.get("info").get("version").asText());
    assertEquals(">=3.8", project.get("info").get("requires_python").asText(), "from the wheel's METADATA");
    assertEquals(List.of("0.9", "1.0"), names(project.get("releases").fieldNames()));
    JsonNode wheelFile = project.get("urls").get(1);
    assertEquals(wheel.fileName(), wheelFile.get("filename").asText());
    assertEquals(upstream.file(wheel.fileName()).uri().toString(), wheelFile.get("url").asText());
    assertEquals(sha256(wheel.toBytes()), wheelFile.get("digests").get("sha256").asText());
    assertEquals("bdist_wheel", wheelFile.get("packagetype").asText());
    assertEquals("0.9", release.get("info").get("version").asText());
    assertEquals("source", release.get("urls").get(0).get("python_version").asText());
    assertNull(release.get("releases"), "only the project's URL lists every release");
    assertEquals(404, get(upstream.uri().resolve("/pypi/tiny-wheel/2.0/json")).statusCode());

    upstream.warehouseJson(false);
    assertEquals(404, get(upstream.uri().resolve("/pypi/tiny-wheel/json")).statusCode());
  }

  @Test
  void aGeneratedProjectListsItsFilesInReleasesOfTenAtAboutTwoHundredBytesAFile() throws Exception {
    GeneratedProject huge = upstream.generatedProject("Huge", 1000);

    HttpResponse<byte[]> response = get(upstream.uri().resolve(huge.path()), "Accept", HTML);
    ProjectPage page = parse(response);

    assertEquals(JSON, response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("huge", page.name());
    assertEquals(1000, page.files().size());
    assertEquals(100, page.versions().size());
    assertEquals(huge.filename(999), page.files().get(999).filename());
    assertEquals("huge-1.99-9-py3-none-any.whl", huge.filename(999));
    assertEquals(1000, page.files().stream().map(link -> link.hashes().get("sha256")).distinct().count());
    assertTrue(page.allSizesKnown());
    // 300 000 files must stay under the proxy's 64 MiB cap on a page, yet come close to it.
    long bytesPerFile = response.body().length / 1000;
    assertTrue(bytesPerFile >= 180 && bytesPerFile <= 220, "bytes per file: " + bytesPerFile);
  }

  private static List<String> names(final Iterator<String> fields) {
    List<String> names = new ArrayList<>();
    fields.forEachRemaining(names::add);
    return names;
  }

  private void assertRedirect(final String path, final String target) throws Exception {
    HttpResponse<byte[]> response = get(upstream.uri().resolve(path));
    assertEquals(301, response.statusCode(), path);
    assertEquals(upstream.uri().resolve(target).toString(), response.headers().firstValue("Location").orElseThrow());
  }

  private static DistributionLink htmlPart(final DistributionLink json) {
    return json.toBuilder().size(null).uploadTime(null).build();
  }
}
