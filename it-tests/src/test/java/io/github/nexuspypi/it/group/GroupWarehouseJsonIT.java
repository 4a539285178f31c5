package io.github.nexuspypi.it.group;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Warehouse JSON API of a group of a hosted repository and a proxy: the proxy's documents come through the group,
 * linked through it, merged with the hosted repository's; with the dependency-confusion guard on, a project the
 * hosted repository holds gets nothing of upstream's, and its name never goes upstream.
 */
@NexusTest
class GroupWarehouseJsonIT
{
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String SHARED = "json-shared-lib";

  private static final String PUBLIC = "json-public-lib";

  private static final FakeIndex UPSTREAM = FakeIndex.start();

  private static Nexus nexus;

  @TempDir
  static Path files;

  private static String hosted;

  private static String proxy;

  private static WheelBuilder privateWheel;

  private static FakeFile publicWheel;

  @BeforeAll
  static void publishBothSides() {
    hosted = nexus.uniqueName("pypi-json-private");
    proxy = nexus.uniqueName("pypi-json-public");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", hosted, "allow_once"));
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", proxy, UPSTREAM.uri().toString()));
    privateWheel = WheelBuilder.of(SHARED, "1.0");
    UploadResponse uploaded = LegacyUploadClient.to(nexus.http(), hosted)
        .upload(LegacyUpload.of(privateWheel.writeTo(files)));
    assertEquals(200, uploaded.status(), uploaded::describe);
    WheelBuilder confusing = WheelBuilder.of(SHARED, "99.0");
    UPSTREAM.project(SHARED).file(confusing.fileName(), confusing.toBytes());
    WheelBuilder onlyUpstream = WheelBuilder.of(PUBLIC, "3.0");
    onlyUpstream.metadata().set("Summary", "From upstream");
    publicWheel = UPSTREAM.project(PUBLIC).file(onlyUpstream.fileName(), onlyUpstream.toBytes());
  }

  @AfterAll
  static void stopTheUpstream() {
    UPSTREAM.close();
  }

  @Test
  void withTheGuardOnAHostedProjectGetsNothingOfUpstreamsAndAPublicOneComesThroughTheProxy() throws IOException {
    String group = nexus.uniqueName("pypi-json-guarded");
    nexus.admin().createRepository(RepositoryDefinition.group("pypi", group, List.of(proxy, hosted)));
    UPSTREAM.log().clear();

    HttpResponse<String> shared = get(group, "pypi/" + SHARED + "/json");
    JsonNode sharedDocument = JSON.readTree(shared.body());
    assertEquals(List.of("1.0"), fieldNames(sharedDocument.get("releases")));
    assertEquals(hosted, servedBy(shared));
    assertEquals(404, nexus.anonymous().get("repository/" + group + "/pypi/" + SHARED + "/99.0/json").statusCode());
    assertEquals(List.of(), UPSTREAM.log().to("/simple/" + SHARED + "/"), "the private name never went upstream");

    HttpResponse<String> publicOne = get(group, "pypi/" + PUBLIC + "/json");
    JsonNode publicDocument = JSON.readTree(publicOne.body());
    assertEquals(proxy, servedBy(publicOne));
    assertEquals("From upstream", publicDocument.get("info").get("summary").asText());
    String path = "packages/" + PUBLIC + "/3.0/" + publicWheel.filename();
    assertEquals(nexus.repositoryUri(group) + path, publicDocument.get("urls").get(0).get("url").asText());
    HttpResponse<byte[]> download = nexus.anonymous().getBytes("repository/" + group + "/" + path);
    assertEquals(200, download.statusCode());
    assertArrayEquals(publicWheel.bytes(), download.body());
    assertEquals("3.0", JSON.readTree(get(group, "pypi/" + PUBLIC + "/3.0/json").body()).get("info")
        .get("version").asText());
  }

  @Test
  void withTheGuardOffBothSidesAreMerged() throws IOException {
    String group = nexus.uniqueName("pypi-json-unguarded");
    nexus.admin().createRepository(RepositoryDefinition.group("pypi", group, List.of(proxy, hosted))
        .with(root -> root.putObject("pypi").put("dependencyConfusionGuard", false)));

    HttpResponse<String> shared = get(group, "pypi/" + SHARED + "/json");

    JsonNode document = JSON.readTree(shared.body());
    assertEquals(Set.of("1.0", "99.0"), Set.copyOf(fieldNames(document.get("releases"))));
    assertEquals("99.0", document.get("info").get("version").asText());
    assertEquals(proxy + ", " + hosted, servedBy(shared));
    assertEquals(nexus.repositoryUri(group) + "packages/" + SHARED + "/1.0/" + privateWheel.fileName(),
        document.get("releases").get("1.0").get(0).get("url").asText());
  }

  private static HttpResponse<String> get(final String group, final String path) {
    HttpResponse<String> response = nexus.anonymous().get("repository/" + group + "/" + path);
    assertEquals(200, response.statusCode(), () -> path + ": " + response.body());
    return response;
  }

  private static String servedBy(final HttpResponse<String> response) {
    return response.headers().firstValue("X-PyPI-Served-By").orElse("");
  }

  private static List<String> fieldNames(final JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
