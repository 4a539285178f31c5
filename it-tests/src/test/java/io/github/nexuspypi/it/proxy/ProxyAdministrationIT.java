package io.github.nexuspypi.it.proxy;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.it.dists.SdistBuilder;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.Download;
import io.github.nexuspypi.it.nexus.Eventually;
import io.github.nexuspypi.it.nexus.ExtDirect;
import io.github.nexuspypi.it.nexus.NexusHttp;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.nexus.RepositoryUser;
import io.github.nexuspypi.it.upstream.FakeFile;
import io.github.nexuspypi.it.upstream.FakeIndex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static io.github.nexuspypi.it.nexus.ProxySettings.online;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An administrator's view of a pypi proxy: the REST API in Sonatype's JSON shape, the online switch, the admin
 * UI's "Invalidate cache", and cached files as components in the REST API and search.
 */
@NexusTest
class ProxyAdministrationIT
{
  private static final String API = "service/rest/v1/repositories/pypi/proxy";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final FakeIndex UPSTREAM = FakeIndex.start();

  private static Nexus nexus;


  @AfterAll
  static void stopTheUpstream() {
    UPSTREAM.close();
  }

  @Test
  void restCreatesReadsAndUpdatesInSonatypesShape() throws IOException {
    String name = nexus.uniqueName("pypi-proxy-rest");
    ObjectNode request = (ObjectNode) JSON.readTree("""
        {"name": "%s", "online": true,
         "storage": {"blobStoreName": "default", "strictContentTypeValidation": true},
         "cleanup": {"policyNames": []},
         "proxy": {"remoteUrl": "%s", "contentMaxAge": 1440, "metadataMaxAge": 30},
         "negativeCache": {"enabled": true, "timeToLive": 15},
         "httpClient": {"blocked": false, "autoBlock": true,
           "connection": {"retries": 1, "userAgentSuffix": "it", "timeout": 20, "enableCircularRedirects": false,
             "enableCookies": false, "useTrustStore": false},
           "authentication": {"type": "username", "username": "reader", "password": "s3cret", "preemptive": false}},
         "routingRule": null,
         "pypi": {"removeQuarantined": true}}
        """.formatted(name, UPSTREAM.uri()));

    NexusHttp.expect(nexus.http().json("POST", API, request.toString()), 201);

    JsonNode read = nexus.admin().repositoryDefinition("pypi", "proxy", name);
    assertEquals(expectedRead(request, name), read);

    ((ObjectNode) request.get("proxy")).put("metadataMaxAge", 90);
    ((ObjectNode) request.get("pypi")).put("removeQuarantined", false);
    NexusHttp.expect(nexus.http().json("PUT", API + "/" + name, request.toString()), 204);

    assertEquals(expectedRead(request, name), nexus.admin().repositoryDefinition("pypi", "proxy", name));
  }

  @Test
  void anOfflineProxyAnswers503ForEverythingAndWorksAgainOnline() {
    String name = nexus.uniqueName("pypi-proxy-offline");
    RepositoryDefinition definition = RepositoryDefinition.proxy("pypi", name, UPSTREAM.uri().toString());
    nexus.admin().createRepository(definition);
    FakeFile wheel = publish("offline-demo");
    publish("offline-other");
    IndexPages pages = new IndexPages(nexus.anonymous(), name);
    URI file = pages.fileUri("offline-demo", wheel.filename());
    List<URI> urls = List.of(nexus.repositoryUri(name).resolve("simple/"), pages.projectUri("offline-demo"),
        pages.projectUri("offline-other"), file, URI.create(file + ".metadata"));
    urls.forEach(url -> assertEquals(200, Download.of(nexus.anonymous(), url).status(), url::toString));
    int requests = UPSTREAM.log().all().size();

    nexus.admin().updateRepository(definition.with(online(false)));
    try {
      for (URI url : urls) {
        assertEquals(503, Download.of(nexus.anonymous(), url).status(), url::toString);
      }
      assertEquals(requests, UPSTREAM.log().all().size(), "an offline proxy does not ask upstream");
    }
    finally {
      nexus.admin().updateRepository(definition);
    }

    Download again = Download.of(nexus.anonymous(), file);
    assertTrue(again.isWhole(), again::describe);
    assertArrayEquals(wheel.bytes(), again.body());
    assertEquals(200, pages.status("offline-other"));
  }

  /** Until then a page is upstream's as it was, in both formats; after, upstream's as it is, in both. */
  @Test
  void invalidateCacheInTheAdminUiMakesTheNextPageRequestGoUpstream() {
    String name = nexus.uniqueName("pypi-proxy-invalidate");
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", name, UPSTREAM.uri().toString()));
    FakeFile first = publish("invalidated");
    IndexPages pages = new IndexPages(nexus.anonymous(), name);
    List<String> before = List.of(first.filename());
    assertEquals(before, shown(pages, "invalidated"));
    assertEquals(1, UPSTREAM.log().to("/simple/invalidated/").size(), "both formats come from one fetch");

    WheelBuilder next = WheelBuilder.of("invalidated", "1.1");
    UPSTREAM.project("invalidated").file(next.fileName(), next.toBytes());
    first.yanked("superseded");
    assertEquals(before, shown(pages, "invalidated"), "the kept page is fresh for its metadata age");

    new ExtDirect(nexus.http()).data("coreui_Repository", "invalidateCache", TextNode.valueOf(name));

    List<String> after = List.of(first.filename() + " yanked: superseded", next.fileName());
    assertEquals(after, shown(pages, "invalidated"));
    assertEquals(after, shown(pages, "invalidated"));
    assertEquals(2, UPSTREAM.log().to("/simple/invalidated/").size(), "refreshed once, then fresh again");
  }

  @Test
  void cachedFilesAreComponentsOfTheProxyAndSearchFindsThem() {
    String name = nexus.uniqueName("pypi-proxy-components");
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", name, UPSTREAM.uri().toString()));
    WheelBuilder wheelBuilder = WheelBuilder.of("Found.Me", "1.0");
    SdistBuilder sdistBuilder = SdistBuilder.of("Found.Me", "1.0");
    FakeFile wheel = UPSTREAM.project("Found.Me").file(wheelBuilder.fileName(), wheelBuilder.toBytes());
    FakeFile sdist = UPSTREAM.project("Found.Me").file(sdistBuilder.fileName(), sdistBuilder.toBytes());
    IndexPages pages = new IndexPages(nexus.anonymous(), name);
    URI wheelUrl = pages.fileUri("found-me", wheel.filename());
    for (URI url : List.of(wheelUrl, URI.create(wheelUrl + ".metadata"),
        pages.fileUri("found-me", sdist.filename()))) {
      assertEquals(200, Download.of(nexus.anonymous(), url).status(), url::toString);
    }
    String release = "/packages/found-me/1.0/";
    List<String> files = List.of(release + sdist.filename(), release + wheel.filename(),
        release + wheel.filename() + ".metadata").stream().sorted().toList();

    List<JsonNode> components = nexus.admin().components(name);
    assertEquals(1, components.size(), components::toString);
    assertEquals("found-me", components.get(0).get("name").asText());
    assertEquals("1.0", components.get(0).get("version").asText());
    assertEquals(files, assetPaths(components.get(0)));

    Map<String, String> query = Map.of("format", "pypi", "repository", name, "name", "found-me");
    // Search indexes each asset as it is stored, in the background: wait for all three.
    List<JsonNode> found = Eventually.poll(() -> nexus.admin().search(query),
        results -> results.size() == 1 && assetPaths(results.get(0)).size() == files.size());
    assertEquals(1, found.size(), found::toString);
    assertEquals(files, assetPaths(found.get(0)));
    JsonNode wheelAsset = found.get(0).get("assets").get(files.indexOf(release + wheel.filename()));
    assertEquals(wheel.sha256(), wheelAsset.get("checksum").get("sha256").asText());
  }

  /** Nexus checks the proxy's own read privilege before the proxy asks upstream for anything. */
  @Test
  void readingThroughAProxyNeedsItsReadPrivilege() {
    String name = nexus.uniqueName("pypi-proxy-guarded");
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", name, UPSTREAM.uri().toString()));
    FakeFile wheel = publish("guarded-upstream");
    RepositoryUser reader = RepositoryUser.create(nexus.admin(), nexus.uniqueName("proxy-reader"), "pypi", name,
        "read");
    String elsewhere = nexus.uniqueName("pypi-not-this-one");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", elsewhere, "allow_once"));
    RepositoryUser stranger = RepositoryUser.create(nexus.admin(), nexus.uniqueName("proxy-stranger"), "pypi",
        elsewhere, "read");
    String file = "packages/guarded-upstream/1.0/" + wheel.filename();
    List<String> routes = List.of("simple/", "simple/guarded-upstream/", file, file + ".metadata");

    for (String route : routes) {
      assertEquals(403, nexus.as(stranger.name(), stranger.password()).get("repository/" + name + "/" + route)
          .statusCode(), route);
    }
    assertEquals(List.of(), UPSTREAM.log().to("/simple/guarded-upstream/"), "refused before going upstream");

    nexus.admin().setAnonymousAccess(false);
    try {
      for (String route : routes) {
        assertEquals(401, nexus.anonymous().get("repository/" + name + "/" + route).statusCode(), route);
        assertEquals(200, nexus.as(reader.name(), reader.password()).get("repository/" + name + "/" + route)
            .statusCode(), route);
      }
    }
    finally {
      nexus.admin().setAnonymousAccess(true);
    }
  }

  /** A file streamed to its first client counts as downloaded, so "not downloaded in N days" spares it. */
  @Test
  void aFileFetchedForAClientIsRecordedAsDownloaded() {
    String name = nexus.uniqueName("pypi-proxy-downloaded");
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", name, UPSTREAM.uri().toString()));
    FakeFile wheel = publish("downloaded-demo");
    URI file = new IndexPages(nexus.anonymous(), name).fileUri("downloaded-demo", wheel.filename());

    assertTrue(Download.of(nexus.anonymous(), file).isWhole());

    JsonNode asset = nexus.admin().assets(name).stream()
        .filter(candidate -> candidate.get("path").asText().endsWith("/" + wheel.filename()))
        .findFirst().orElseThrow();
    assertFalse(asset.path("lastDownloaded").isNull() || asset.path("lastDownloaded").isMissingNode(),
        asset::toString);
  }

  @Test
  void aCleanupPolicyRemovesCachedReleasesAndTheProxyFetchesThemAgain() {
    String name = nexus.uniqueName("pypi-proxy-cleanup");
    String policy = nexus.uniqueName("pypi-cleanup");
    nexus.admin().createCleanupPolicy(policy, "pypi", ".*/cleaned-demo/1\\.0/.*");
    try {
      nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", name, UPSTREAM.uri().toString())
          .with(root -> root.putObject("cleanup").putArray("policyNames").add(policy)));
      FakeFile old = publish("cleaned-demo");
      WheelBuilder newer = WheelBuilder.of("cleaned-demo", "2.0");
      FakeFile kept = UPSTREAM.project("cleaned-demo").file(newer.fileName(), newer.toBytes());
      IndexPages pages = new IndexPages(nexus.anonymous(), name);
      for (FakeFile wheel : List.of(old, kept)) {
        assertTrue(Download.of(nexus.anonymous(), pages.fileUri("cleaned-demo", wheel.filename())).isWhole());
      }
      assertEquals(List.of("1.0", "2.0"), componentVersions(name));

      nexus.admin().runTask("repository.cleanup");

      assertEquals(List.of("2.0"), componentVersions(name));
      int fetches = UPSTREAM.log().to(old.path()).size();
      Download again = Download.of(nexus.anonymous(), pages.fileUri("cleaned-demo", old.filename()));
      assertTrue(again.isWhole(), again::describe);
      assertArrayEquals(old.bytes(), again.body());
      assertEquals(fetches + 1, UPSTREAM.log().to(old.path()).size(), "a cleaned file is fetched again");
      assertEquals(List.of("1.0", "2.0"), componentVersions(name));
    }
    finally {
      nexus.admin().deleteRepository(name);
      nexus.admin().deleteCleanupPolicy(policy);
    }
  }

  /**
   * What GET answers for a proxy created or updated with {@code request}: Nexus's generic proxy shape, which names the
   * routing rule {@code routingRuleName}, never shows the password, shows the NTLM fields but not {@code preemptive},
   * and has no {@code pypi} section (the Firewall switch is accepted and dropped).
   */
  private static JsonNode expectedRead(final ObjectNode request, final String name) {
    ObjectNode expected = request.deepCopy();
    expected.put("format", "pypi").put("type", "proxy").put("url", nexus.baseUri() + "repository/" + name);
    // Stored as the index URL the base given resolved to: what the proxy asks.
    ((ObjectNode) expected.get("proxy")).put("remoteUrl", UPSTREAM.simpleUri().toString());
    expected.set("routingRuleName", expected.remove("routingRule"));
    expected.remove("pypi");
    ObjectNode authentication = (ObjectNode) expected.get("httpClient").get("authentication");
    authentication.remove(List.of("password", "preemptive"));
    authentication.putNull("ntlmHost").putNull("ntlmDomain");
    return expected;
  }

  private static FakeFile publish(final String project) {
    WheelBuilder wheel = WheelBuilder.of(project, "1.0");
    return UPSTREAM.project(project).file(wheel.fileName(), wheel.toBytes());
  }

  /** The files a page lists, with their yank, the same in HTML and JSON. */
  private static List<String> shown(final IndexPages pages, final String project) {
    List<String> html = describe(pages.html(project));
    assertEquals(html, describe(pages.json(project)), "HTML and JSON pages agree");
    return html;
  }

  private static List<String> describe(final ProjectPage page) {
    return page.files().stream().map(file -> file.filename() + (file.isYanked() ? " yanked: " + file.yank().reason()
        : "")).toList();
  }

  private static List<String> componentVersions(final String repository) {
    return nexus.admin().components(repository).stream().map(component -> component.get("version").asText())
        .sorted().toList();
  }

  private static List<String> assetPaths(final JsonNode component) {
    List<String> paths = new ArrayList<>();
    component.get("assets").forEach(asset -> paths.add(asset.get("path").asText()));
    return paths.stream().sorted().toList();
  }
}
