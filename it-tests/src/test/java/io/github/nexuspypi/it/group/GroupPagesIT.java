package io.github.nexuspypi.it.group;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.it.dists.LargeWheel;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.Download;
import io.github.nexuspypi.it.nexus.NexusHttp;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.upload.LegacyUpload;
import io.github.nexuspypi.it.upload.LegacyUploadClient;
import io.github.nexuspypi.it.upload.UploadResponse;
import io.github.nexuspypi.it.upstream.FakeFile;
import io.github.nexuspypi.it.upstream.FakeIndex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.nexuspypi.it.nexus.ProxySettings.online;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A group of two hosted repositories and a proxy of the fake index: its pages merge the members' in member order,
 * its files come from the member its page lists them from, it answers 404 for a project nobody holds, and it
 * follows its members' changes at once.
 */
@NexusTest
class GroupPagesIT
{
  private static final FakeIndex UPSTREAM = FakeIndex.start();

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Nexus nexus;

  @TempDir
  static Path files;

  private static String first;

  private static String second;

  private static String proxy;

  private static String group;

  private static IndexPages pages;

  @BeforeAll
  static void createTheGroup() {
    first = nexus.uniqueName("pypi-hosted-first");
    second = nexus.uniqueName("pypi-hosted-second");
    proxy = nexus.uniqueName("pypi-proxy-member");
    group = nexus.uniqueName("pypi-group");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", first, "allow"));
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", second, "allow"));
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", proxy, UPSTREAM.uri().toString()));
    nexus.admin().createRepository(RepositoryDefinition.group("pypi", group, List.of(first, second, proxy)));
    pages = new IndexPages(nexus.anonymous(), group);
  }

  @AfterAll
  static void stopTheUpstream() {
    UPSTREAM.close();
  }

  @Test
  void aProjectPageIsTheUnionOfTheHostedMembersFirstMemberWinningEachFileName() {
    WheelBuilder shared = WheelBuilder.of("merged-demo", "1.0");
    shared.metadata().field("Requires-Python", ">=3.8");
    WheelBuilder sameNameOtherBytes = WheelBuilder.of("merged-demo", "1.0").file("merged_demo/other.py", "x = 2\n");
    WheelBuilder onlySecond = WheelBuilder.of("merged-demo", "2.0");
    byte[] firstBytes = upload(first, shared);
    upload(second, sameNameOtherBytes);
    upload(second, onlySecond);

    ProjectPage html = pages.html("merged-demo");
    ProjectPage json = pages.json("merged-demo");

    assertEquals(List.of(shared.fileName(), onlySecond.fileName()), filenames(json));
    assertEquals(filenames(json), filenames(html));
    assertEquals(Set.of("1.0", "2.0"), json.versions());
    DistributionLink kept = json.files().get(0);
    assertEquals(sha256(firstBytes), kept.hashes().get("sha256"), "the first member's file is listed");
    assertEquals(">=3.8", kept.requiresPython());
    assertEquals((long) firstBytes.length, kept.size());
    assertTrue(kept.coreMetadata() != null, "core metadata is announced");
    assertTrue(kept.uploadTime() != null, "upload time is kept");
    assertTrue(kept.url().startsWith(nexus.repositoryUri(group) + "packages/"), kept.url());

    Download file = Download.of(nexus.anonymous(), URI.create(kept.url()));
    assertArrayEquals(firstBytes, file.body(), "the file comes from the member the page lists");
    assertArrayEquals(shared.metadataBytes(), Download.of(nexus.anonymous(), URI.create(kept.url() + ".metadata"))
        .body());
    assertEquals(first + ", " + second, header(pages.projectUri("merged-demo"), "X-PyPI-Served-By"));
    assertEquals(first, header(URI.create(kept.url()), "X-PyPI-Served-By"));
  }

  @Test
  void aRangeOfAFileIsAnsweredByItsMember() throws IOException {
    WheelBuilder wheel = WheelBuilder.of("ranged-demo", "1.0");
    byte[] bytes = upload(second, wheel);
    URI url = pages.fileUri("ranged-demo", wheel.fileName());

    HttpResponse<byte[]> range = nexus.anonymous().send(HttpRequest.newBuilder(url).header("Range", "bytes=10-19")
        .GET().build(), BodyHandlers.ofByteArray());

    assertEquals(206, range.statusCode());
    assertArrayEquals(Arrays.copyOfRange(bytes, 10, 20), range.body());
  }

  @Test
  void aProjectNoMemberHoldsIsNotFoundAndOtherSpellingsRedirect() {
    assertEquals(404, pages.status("nobody-has-this"));
    assertEquals(404, nexus.anonymous().get("repository/" + group + "/packages/nobody-has-this/1.0/"
        + "nobody_has_this-1.0-py3-none-any.whl").statusCode());

    upload(first, WheelBuilder.of("Spelled.Name", "1.0"));
    HttpResponse<String> redirect = nexus.anonymous().get("repository/" + group + "/simple/Spelled.Name/");
    assertEquals(301, redirect.statusCode());
    assertEquals(nexus.repositoryUri(group) + "simple/spelled-name/",
        redirect.headers().firstValue("Location").orElse(""));
  }

  @Test
  void aPublicProjectComesFromTheProxyWithLinksThroughTheGroup() {
    WheelBuilder builder = WheelBuilder.of("public-demo", "1.0");
    FakeFile wheel = UPSTREAM.project("public-demo").file(builder.fileName(), builder.toBytes())
        .yanked("broken build");

    DistributionLink link = pages.link("public-demo", wheel.filename(), IndexPages.JSON);

    assertEquals("broken build", link.yank().reason());
    assertEquals(wheel.sha256(), link.hashes().get("sha256"));
    assertTrue(link.url().startsWith(nexus.repositoryUri(group).toString()), link.url());
    assertArrayEquals(wheel.bytes(), Download.of(nexus.anonymous(), URI.create(link.url())).body());
    assertEquals(proxy, header(pages.projectUri("public-demo"), "X-PyPI-Served-By"));
  }

  @Test
  void anUploadShowsInTheGroupAtOnceAndADeleteToo() {
    upload(first, WheelBuilder.of("growing-demo", "1.0"));
    assertEquals(List.of("growing_demo-1.0-py3-none-any.whl"), filenames(pages.json("growing-demo")));

    WheelBuilder next = WheelBuilder.of("growing-demo", "1.1");
    upload(second, next);
    assertEquals(List.of("growing_demo-1.0-py3-none-any.whl", next.fileName()), filenames(pages.json("growing-demo")));
    assertEquals(List.of("growing_demo-1.0-py3-none-any.whl", next.fileName()), filenames(pages.html("growing-demo")));

    JsonNode component = nexus.admin().components(second).stream()
        .filter(candidate -> candidate.get("name").asText().equals("growing-demo")).findFirst().orElseThrow();
    nexus.admin().deleteComponent(component.get("id").asText());
    assertEquals(List.of("growing_demo-1.0-py3-none-any.whl"), filenames(pages.json("growing-demo")));
  }

  @Test
  void aYankInAHostedMemberShowsInTheGroupAtOnce() {
    WheelBuilder wheel = WheelBuilder.of("yanked-demo", "1.0");
    upload(second, wheel);
    assertEquals(null, pages.json("yanked-demo").files().get(0).yank());

    NexusHttp.expect(nexus.http().json("PUT", "service/rest/v1/pypi/" + second
        + "/projects/yanked-demo/releases/1.0/yank", "{\"reason\": \"broken build\"}"), 204);

    assertEquals("broken build", pages.json("yanked-demo").files().get(0).yank().reason());
    assertEquals("broken build", pages.html("yanked-demo").files().get(0).yank().reason());
  }

  @Test
  void invalidatingAProxyMembersCacheRefreshesTheGroupsPages() {
    WheelBuilder first = WheelBuilder.of("refreshed-demo", "1.0");
    UPSTREAM.project("refreshed-demo").file(first.fileName(), first.toBytes());
    assertEquals(List.of(first.fileName()), filenames(pages.json("refreshed-demo")));

    WheelBuilder next = WheelBuilder.of("refreshed-demo", "1.1");
    UPSTREAM.project("refreshed-demo").file(next.fileName(), next.toBytes());
    assertEquals(List.of(first.fileName()), filenames(pages.json("refreshed-demo")),
        "the proxy's page is fresh for its metadata age, and so is the group's merge of it");

    nexus.admin().invalidateCache(proxy);

    assertEquals(List.of(first.fileName(), next.fileName()), filenames(pages.json("refreshed-demo")));
    assertEquals(List.of(first.fileName(), next.fileName()), filenames(pages.html("refreshed-demo")));
  }

  @Test
  void theRootPageListsEveryMembersProjectsOnce() {
    upload(first, WheelBuilder.of("root-one", "1.0"));
    upload(second, WheelBuilder.of("root-one", "2.0"));
    upload(second, WheelBuilder.of("Root.Two", "1.0"));
    WheelBuilder upstream = WheelBuilder.of("root-three", "1.0");
    UPSTREAM.project("root-three").file(upstream.fileName(), upstream.toBytes());
    UPSTREAM.project("root-one").file(WheelBuilder.of("root-one", "3.0").fileName(),
        WheelBuilder.of("root-one", "3.0").toBytes());

    List<String> listed = pages.projects();

    assertTrue(listed.containsAll(List.of("root-one", "root-two", "root-three")), listed::toString);
    assertEquals(listed.stream().distinct().toList(), listed, "each name once");
    assertEquals(listed.stream().sorted().toList(), listed, "in name order");
  }

  @Test
  void anUploadToTheGroupIsRefusedNamingTheHostedMembers() {
    Path wheel = WheelBuilder.of("misdirected", "1.0").writeTo(files.resolve("misdirected"));

    UploadResponse response = LegacyUploadClient.to(nexus.http(), group).upload(LegacyUpload.of(wheel));

    assertEquals(400, response.status(), response::describe);
    assertTrue(response.reason().contains("'" + first + "'") && response.reason().contains("'" + second + "'"),
        response::describe);
    assertEquals(List.of(), nexus.admin().components(first).stream()
        .filter(component -> component.get("name").asText().equals("misdirected")).toList());
  }

  @Test
  void aLargeUploadToTheGroupStillGetsTheRefusalMessage() {
    // Answered before its body was read, a 4 MiB upload saw the connection drop instead of the message.
    Path wheel = LargeWheel.write(files.resolve("misdirected-large"), "misdirected-large", "1.0", 4 << 20, 7);

    UploadResponse response = LegacyUploadClient.to(nexus.http(), group).upload(LegacyUpload.of(wheel));

    assertEquals(400, response.status(), response::describe);
    assertTrue(response.reason().contains("cannot take uploads"), response::describe);
  }

  @Test
  void theJsonApiThroughTheGroupMergesTheMembersAndLinksThroughTheGroup() throws IOException {
    WheelBuilder older = WheelBuilder.of("json-demo", "1.0");
    WheelBuilder newer = WheelBuilder.of("json-demo", "2.0");
    upload(second, older);
    upload(first, newer);

    HttpResponse<String> response = nexus.anonymous().get("repository/" + group + "/pypi/json-demo/json");

    assertEquals(200, response.statusCode(), response::body);
    assertEquals(first + ", " + second, response.headers().firstValue("X-PyPI-Served-By").orElse(""));
    JsonNode json = JSON.readTree(response.body());
    assertEquals("2.0", json.get("info").get("version").asText());
    assertEquals(Set.of("1.0", "2.0"), Set.copyOf(fieldNames(json.get("releases"))));
    assertEquals(nexus.repositoryUri(group) + "packages/json-demo/2.0/" + newer.fileName(),
        json.get("urls").get(0).get("url").asText());
    assertEquals(nexus.repositoryUri(group) + "packages/json-demo/1.0/" + older.fileName(),
        json.get("releases").get("1.0").get(0).get("url").asText());

    HttpResponse<String> release = nexus.anonymous().get("repository/" + group + "/pypi/json-demo/1.0/json");
    assertEquals(200, release.statusCode(), release::body);
    assertEquals("1.0", JSON.readTree(release.body()).get("info").get("version").asText());
    assertEquals(404, nexus.anonymous().get("repository/" + group + "/pypi/nobody-has-this/json").statusCode());
  }

  private static List<String> fieldNames(final JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void anOfflineMemberDoesNotFailTheGroup() {
    String lonely = nexus.uniqueName("pypi-group-offline");
    String offlineProxy = nexus.uniqueName("pypi-proxy-offline-member");
    RepositoryDefinition proxyDefinition = RepositoryDefinition.proxy("pypi", offlineProxy, UPSTREAM.uri().toString());
    nexus.admin().createRepository(proxyDefinition.with(online(false)));
    nexus.admin().createRepository(RepositoryDefinition.group("pypi", lonely, List.of(offlineProxy, second)));
    WheelBuilder wheel = WheelBuilder.of("survivor-demo", "1.0");
    upload(second, wheel);
    IndexPages lonelyPages = new IndexPages(nexus.anonymous(), lonely);

    assertEquals(List.of(wheel.fileName()), filenames(lonelyPages.json("survivor-demo")));
    assertEquals(404, lonelyPages.status("only-upstream-would-know"));
    assertTrue(lonelyPages.projects().contains("survivor-demo"));
  }

  private static byte[] upload(final String repository, final WheelBuilder wheel) {
    Path written = wheel.writeTo(files.resolve(repository + "-" + System.nanoTime()));
    UploadResponse response = LegacyUploadClient.to(nexus.http(), repository).upload(LegacyUpload.of(written));
    assertEquals(200, response.status(), response::describe);
    return wheel.toBytes();
  }

  private static String header(final URI url, final String name) {
    HttpResponse<Void> response = nexus.anonymous().send(HttpRequest.newBuilder(url).GET().build(),
        BodyHandlers.discarding());
    assertEquals(200, response.statusCode(), url::toString);
    return response.headers().firstValue(name).orElse("");
  }

  private static List<String> filenames(final ProjectPage page) {
    return page.files().stream().map(DistributionLink::filename).toList();
  }

  private static String sha256(final byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
    catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
