package io.github.nexuspypi.it.proxy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.nexuspypi.it.bench.HeapSampler;
import io.github.nexuspypi.it.dists.SdistBuilder;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.HeapUsage;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.upload.LegacyUpload;
import io.github.nexuspypi.it.upload.LegacyUploadClient;
import io.github.nexuspypi.it.upload.UploadResponse;
import io.github.nexuspypi.it.upstream.FakeFile;
import io.github.nexuspypi.it.upstream.FakeIndex;
import io.github.nexuspypi.it.upstream.GeneratedProject;
import io.github.nexuspypi.it.upstream.LoggedRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.nexuspypi.it.nexus.ProxySettings.autoBlock;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Warehouse JSON API through proxies: built from the proxy's own page, so it lists exactly the files the page
 * lists, linked into the proxy, whatever upstream's own JSON API or links say; {@code info} from the release's core
 * metadata where that costs no download; served from the cache while upstream is down.
 */
@NexusTest
class ProxyWarehouseJsonIT
{
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String PROJECT = "Json.Proxy";

  private static final String NORMALIZED = "json-proxy";

  private static final Instant UPLOADED = Instant.parse("2024-03-01T08:00:00Z");

  private static Nexus nexus;

  @TempDir
  static Path files;

  private static FakeIndex upstream;

  private static String proxy;

  private static FakeFile oldWheel;

  private static FakeFile latestWheel;

  private static FakeFile yankedWheel;

  @BeforeAll
  static void proxyAnUpstreamWithAJsonApi() {
    upstream = FakeIndex.start();
    oldWheel = upstream.project(PROJECT).file(wheel("1.0.0", "The first").fileName(),
        wheel("1.0.0", "The first").toBytes()).requiresPython(">=3.8").uploadTime(UPLOADED);
    SdistBuilder sdist = SdistBuilder.of(PROJECT, "1.0.0");
    upstream.project(PROJECT).file(sdist.fileName(), sdist.toBytes()).uploadTime(UPLOADED);
    latestWheel = upstream.project(PROJECT).file(wheel("2.0", "The latest").fileName(),
        wheel("2.0", "The latest").toBytes()).uploadTime(UPLOADED.plusSeconds(60));
    yankedWheel = upstream.project(PROJECT).file(wheel("2.1", "Broken").fileName(), wheel("2.1", "Broken").toBytes())
        .yanked("broken build");
    proxy = nexus.uniqueName("pypi-proxy-json");
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", proxy, upstream.uri().toString()));
  }

  @AfterAll
  static void stopTheUpstream() {
    upstream.close();
  }

  private static WheelBuilder wheel(final String version, final String summary) {
    WheelBuilder wheel = WheelBuilder.of(PROJECT, version);
    wheel.metadata().set("Summary", summary);
    return wheel;
  }

  @Test
  void theDocumentListsTheProxysPageWithLinksIntoTheProxy() throws IOException {
    upstream.log().clear();

    JsonNode document = json(proxy, "pypi/" + NORMALIZED + "/json");

    assertEquals("2.0", document.get("info").get("version").asText());
    assertEquals("The latest", document.get("info").get("summary").asText(), "info is the release's metadata");
    assertEquals(Set.of("1.0.0", "2.0", "2.1"), Set.copyOf(fieldNames(document.get("releases"))));
    Map<String, String> pageUrls = new HashMap<>();
    new IndexPages(nexus.anonymous(), proxy).json(NORMALIZED).files()
        .forEach(link -> pageUrls.put(link.filename(), link.url()));
    List<JsonNode> listed = files(document);
    assertEquals(pageUrls.keySet(), Set.copyOf(listed.stream().map(file -> file.get("filename").asText()).toList()));
    for (JsonNode file : listed) {
      String filename = file.get("filename").asText();
      assertEquals(pageUrls.get(filename), file.get("url").asText(), filename);
      assertEquals(upstream.file(filename).sha256(), file.get("digests").get("sha256").asText(), filename);
    }
    JsonNode old = document.get("releases").get("1.0.0");
    JsonNode oldWheelEntry = entry(old, oldWheel.filename());
    assertEquals(">=3.8", oldWheelEntry.get("requires_python").asText());
    assertEquals("2024-03-01T08:00:00.000000Z", oldWheelEntry.get("upload_time_iso_8601").asText());
    assertEquals(oldWheel.bytes().length, oldWheelEntry.get("size").asLong());
    JsonNode yanked = entry(document.get("releases").get("2.1"), yankedWheel.filename());
    assertTrue(yanked.get("yanked").asBoolean());
    assertEquals("broken build", yanked.get("yanked_reason").asText());
    assertEquals(List.of(latestWheel.filename()), document.get("urls").findValuesAsText("filename"));

    String latestPath = "packages/" + NORMALIZED + "/2.0/" + latestWheel.filename();
    assertEquals(nexus.repositoryUri(proxy) + latestPath, document.get("urls").get(0).get("url").asText());
    HttpResponse<byte[]> download = nexus.anonymous().getBytes("repository/" + proxy + "/" + latestPath);
    assertEquals(200, download.statusCode());
    assertArrayEquals(latestWheel.bytes(), download.body());
    assertEquals(List.of(), upstreamJsonApiRequests(upstream), "upstream's JSON API is never read");
  }

  @Test
  void aReleaseIsFoundByPep440EqualityAndOtherSpellingsRedirect() throws IOException {
    JsonNode release = json(proxy, "pypi/" + NORMALIZED + "/1.0/json");

    assertEquals("1.0.0", release.get("info").get("version").asText());
    assertEquals("The first", release.get("info").get("summary").asText(), "a wheel's metadata, not the sdist's");
    assertEquals(2, release.get("urls").size());
    assertFalse(release.has("releases"));

    HttpResponse<String> misspelled = nexus.anonymous().get("repository/" + proxy + "/pypi/" + PROJECT + "/json");
    assertEquals(301, misspelled.statusCode());
    assertEquals(nexus.repositoryUri(proxy) + "pypi/" + NORMALIZED + "/json",
        misspelled.headers().firstValue("Location").orElse(""));
    assertEquals(404, nexus.anonymous().get("repository/" + proxy + "/pypi/" + NORMALIZED + "/9.9/json")
        .statusCode());
    assertEquals(404, nexus.anonymous().get("repository/" + proxy + "/pypi/nobody-has-this/json").statusCode());
  }

  @Test
  void whileUpstreamIsDownTheCachedDocumentIsServed() throws IOException {
    // A proxy of its own: the outage may leave it auto-blocked for a while.
    String outaged = nexus.uniqueName("pypi-proxy-json-outage");
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", outaged, upstream.uri().toString()));
    JsonNode before = json(outaged, "pypi/" + NORMALIZED + "/json");

    JsonNode[] during = new JsonNode[1];
    UpstreamOutage.during(upstream, nexus, outaged, () -> during[0] = jsonUnchecked(outaged,
        "pypi/" + NORMALIZED + "/json"));

    assertEquals(before, during[0]);
  }

  /**
   * pypiserver, devpi and old Nexus have neither the JSON API nor PEP 658 files: {@code info} has name and version
   * until the proxy holds a file to read the metadata from, and asking never downloads one.
   */
  @Test
  void withoutMetadataFilesUpstreamTheInfoWaitsForACachedFile() throws IOException {
    try (FakeIndex bare = FakeIndex.start().htmlOnly(true).warehouseJson(false)) {
      WheelBuilder builder = WheelBuilder.of("bare-demo", "1.0");
      builder.metadata().set("Summary", "Read from the wheel");
      FakeFile wheel = bare.project("bare-demo").file(builder.fileName(), builder.toBytes()).withoutCoreMetadata();
      String bareProxy = nexus.uniqueName("pypi-proxy-json-bare");
      nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", bareProxy, bare.uri().toString()));
      bare.log().clear();

      JsonNode before = json(bareProxy, "pypi/bare-demo/json");

      assertEquals("bare-demo", before.get("info").get("name").asText());
      assertEquals("1.0", before.get("info").get("version").asText());
      assertTrue(before.get("info").get("summary").isNull(), before::toString);
      assertEquals(List.of(), bare.log().to(wheel.path()), "the JSON API downloads no file");
      assertEquals(200, nexus.anonymous().getBytes("repository/" + bareProxy + "/packages/bare-demo/1.0/"
          + wheel.filename()).statusCode());

      JsonNode after = json(bareProxy, "pypi/bare-demo/json");
      assertEquals("Read from the wheel", after.get("info").get("summary").asText());
    }
  }

  /** A proxy of a hosted repository of this very Nexus: upstream's hosted document, relinked. */
  @Test
  void aProxyOfAHostedRepositoryServesItsDocument() throws IOException {
    String hosted = nexus.uniqueName("pypi-json-upstream");
    String ownProxy = nexus.uniqueName("pypi-proxy-json-own");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", hosted, "allow_once"));
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", ownProxy,
        nexus.repositoryUri(hosted).toString()));
    WheelBuilder builder = WheelBuilder.of("own-demo", "1.0");
    builder.metadata().set("Summary", "Hosted here").set("Requires-Python", ">=3.9");
    UploadResponse uploaded = LegacyUploadClient.to(nexus.http(), hosted)
        .upload(LegacyUpload.of(builder.writeTo(files.resolve("own"))));
    assertEquals(200, uploaded.status(), uploaded::describe);

    JsonNode original = json(hosted, "pypi/own-demo/json");
    JsonNode proxied = json(ownProxy, "pypi/own-demo/json");

    assertEquals(original.get("info").get("summary"), proxied.get("info").get("summary"));
    assertEquals("Hosted here", proxied.get("info").get("summary").asText());
    JsonNode file = proxied.get("urls").get(0);
    assertEquals(nexus.repositoryUri(ownProxy) + "packages/own-demo/1.0/" + builder.fileName(),
        file.get("url").asText());
    JsonNode originalFile = original.get("urls").get(0);
    for (String field : List.of("requires_python", "size", "upload_time_iso_8601", "filename", "packagetype",
        "python_version")) {
      assertEquals(originalFile.get(field), file.get(field), field);
    }
    assertEquals(originalFile.get("digests").get("sha256"), file.get("digests").get("sha256"));
  }

  /**
   * A hostile upstream: its JSON API huge and pointing elsewhere, its page linking a host inside the network, naming
   * files that are no distributions, with values of the wrong types and digests that are no digests, and metadata
   * that claims another project. None of it reaches the document.
   */
  @Test
  void aHostileUpstreamGetsNoUrlTypeOrNameThrough() throws IOException {
    try (FakeIndex hostile = FakeIndex.start()) {
      String sha256 = "ab".repeat(32);
      hostile.rawPage("/pypi/evil-demo/json", "application/json", "{\"info\": {\"name\": \"evil-demo\"}, \"urls\": "
          + "[{\"url\": \"http://127.0.0.2:9/steal\"}], \"padding\": \"" + "x".repeat(4 << 20) + "\"}");
      hostile.rawPage("/simple/evil-demo/", IndexPages.JSON, "{\"meta\": {\"api-version\": \"1.1\"}, "
          + "\"name\": \"evil-demo\", \"files\": ["
          + "{\"filename\": \"evil_demo-1.0-py3-none-any.whl\", \"url\": \"http://127.0.0.2:9/x/evil.whl\", "
          + "\"hashes\": {\"sha256\": \"" + sha256 + "\", \"md5\": \"not-a-digest\"}, \"size\": \"huge\", "
          + "\"upload-time\": 12, \"requires-python\": [\">=3\"], \"yanked\": 7},"
          + "{\"filename\": \"evil_demo-1.0.exe\", \"url\": \"http://127.0.0.2:9/x/evil.exe\", \"hashes\": {}}"
          + "], \"versions\": [\"1.0\"]}");
      WheelBuilder liar = WheelBuilder.of("liar-demo", "1.0");
      hostile.project("liar-demo").file(liar.fileName(), liar.toBytes())
          .coreMetadata("Metadata-Version: 2.1\nName: other-project\nVersion: 6.6\nSummary: lies\n".getBytes());
      String hostileProxy = nexus.uniqueName("pypi-proxy-json-hostile");
      nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", hostileProxy, hostile.uri().toString())
          .with(autoBlock(false)));

      String body = text(hostileProxy, "pypi/evil-demo/json");
      JsonNode evil = JSON.readTree(body);
      JsonNode file = evil.get("urls").get(0);
      assertEquals(1, evil.get("urls").size(), body);
      assertEquals(nexus.repositoryUri(hostileProxy) + "packages/evil-demo/1.0/evil_demo-1.0-py3-none-any.whl",
          file.get("url").asText());
      assertEquals(sha256, file.get("digests").get("sha256").asText());
      for (String unknown : List.of("md5", "blake2b_256")) {
        assertTrue(file.get("digests").get(unknown).isNull(), unknown);
      }
      for (String unknown : List.of("size", "upload_time_iso_8601", "requires_python")) {
        assertTrue(file.get(unknown).isNull(), unknown);
      }
      assertFalse(file.get("yanked").asBoolean());
      for (String hostileText : List.of("127.0.0.2", ".exe", "not-a-digest", "steal")) {
        assertFalse(body.contains(hostileText), hostileText);
      }

      JsonNode lies = json(hostileProxy, "pypi/liar-demo/json");
      assertEquals("liar-demo", lies.get("info").get("name").asText());
      assertEquals("1.0", lies.get("info").get("version").asText());
      assertEquals(nexus.repositoryUri(hostileProxy) + "simple/liar-demo/",
          lies.get("info").get("project_url").asText());
      assertTrue(lies.get("info").get("summary").isNull(), lies::toString);
      assertEquals(List.of(), upstreamJsonApiRequests(hostile), "upstream's JSON API is never read");
    }
  }

  /**
   * The document is built in memory, so the proxy describes at most 50 000 files of a project, and refuses a page
   * listing more with a 502 naming the limit, as it refuses pages too large to keep.
   */
  @Test
  void aPageAtTheLimitIsDescribedAndALargerOneRefused() throws IOException {
    GeneratedProject atLimit = upstream.generatedProject("json-many", 50_000);
    upstream.generatedProject("json-too-many", 50_001);

    String body;
    long[] millis = new long[2];
    HeapUsage peak;
    try (HeapSampler heap = HeapSampler.start(nexus.admin()::heap, Duration.ofMillis(200))) {
      long started = System.nanoTime();
      body = text(proxy, "pypi/json-many/json");
      millis[0] = (System.nanoTime() - started) / 1_000_000;
      started = System.nanoTime();
      text(proxy, "pypi/json-many/json");
      millis[1] = (System.nanoTime() - started) / 1_000_000;
      peak = heap.peak();
    }

    JsonNode document = JSON.readTree(body);
    assertEquals(atLimit.releases(), document.get("releases").size());
    assertEquals(atLimit.files(), document.get("releases").findValues("filename").size());
    System.out.printf("ProxyWarehouseJsonIT: %d files, %d bytes, described in %d ms (first request, page fetched)"
        + " and %d ms (page cached); Nexus heap, largest sample: %s%n", atLimit.files(), body.length(), millis[0],
        millis[1], peak.describe());
    HttpResponse<String> refused = nexus.anonymous().get("repository/" + proxy + "/pypi/json-too-many/json");
    assertEquals(502, refused.statusCode(), refused::body);
  }

  private static List<LoggedRequest> upstreamJsonApiRequests(final FakeIndex index) {
    return index.log().all().stream().filter(request -> request.path().startsWith("/pypi/")).toList();
  }

  private static JsonNode json(final String repository, final String path) throws IOException {
    return JSON.readTree(text(repository, path));
  }

  private static JsonNode jsonUnchecked(final String repository, final String path) {
    try {
      return json(repository, path);
    }
    catch (IOException e) {
      throw new AssertionError(path, e);
    }
  }

  private static String text(final String repository, final String path) {
    HttpResponse<String> response = nexus.anonymous().get("repository/" + repository + "/" + path);
    assertEquals(200, response.statusCode(), () -> path + ": " + response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
    return response.body();
  }

  /** Every file the document lists, in {@code urls} and in {@code releases}, each once. */
  private static List<JsonNode> files(final JsonNode document) {
    Map<String, JsonNode> byName = new HashMap<>();
    document.get("urls").forEach(file -> byName.put(file.get("filename").asText(), file));
    document.get("releases").forEach(release -> release.forEach(file -> byName.put(file.get("filename").asText(),
        file)));
    return new ArrayList<>(byName.values());
  }

  private static JsonNode entry(final JsonNode release, final String filename) {
    for (JsonNode file : release) {
      if (file.get("filename").asText().equals(filename)) {
        return file;
      }
    }
    throw new AssertionError(filename + " is not in " + release);
  }

  private static List<String> fieldNames(final JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
