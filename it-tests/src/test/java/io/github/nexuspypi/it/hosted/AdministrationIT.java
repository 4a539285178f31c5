package io.github.nexuspypi.it.hosted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.nexuspypi.core.hash.FileDigests;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.Eventually;
import io.github.nexuspypi.it.nexus.ExtDirect;
import io.github.nexuspypi.it.nexus.NexusHttp;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.upload.LegacyUpload;
import io.github.nexuspypi.it.upload.LegacyUploadClient;
import io.github.nexuspypi.it.upload.UploadResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An administrator's view of pypi repositories: the REST API in the JSON shape of Sonatype's own PyPI format, the
 * admin UI's ExtJS forms (through the ExtDirect calls they make), search and browse.
 */
@NexusTest
class AdministrationIT
{
  private static final String API = "service/rest/v1/";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Nexus nexus;

  @TempDir
  static Path files;

  @Test
  void restCreatesReadsAndUpdatesInSonatypesShape() throws IOException {
    String name = nexus.uniqueName("pypi-rest");
    ObjectNode request = (ObjectNode) JSON.readTree("{\"name\":\"" + name + "\",\"online\":true,"
        + "\"storage\":{\"blobStoreName\":\"default\",\"strictContentTypeValidation\":true,"
        + "\"writePolicy\":\"allow_once\"},"
        + "\"cleanup\":{\"policyNames\":[]},"
        + "\"component\":{\"proprietaryComponents\":false}}");

    NexusHttp.expect(nexus.http().json("POST", API + "repositories/pypi/hosted", request.toString()), 201);

    ObjectNode expected = request.deepCopy();
    expected.put("format", "pypi").put("type", "hosted").put("url", nexus.baseUri() + "repository/" + name);
    assertEquals(expected, hosted(name));
    JsonNode summary = nexus.admin().repository(name);
    assertEquals("pypi", summary.get("format").asText());
    assertEquals("hosted", summary.get("type").asText());

    ((ObjectNode) request.get("storage")).put("writePolicy", "deny");
    NexusHttp.expect(nexus.http().json("PUT", API + "repositories/pypi/hosted/" + name, request.toString()), 204);

    assertEquals("deny", hosted(name).get("storage").get("writePolicy").asText());
    UploadResponse denied = upload(name, WheelBuilder.of("rest-shape", "1.0"));
    assertEquals(400, denied.status(), denied::describe);
    assertTrue(denied.reason().contains("write policy denies every upload"), denied::describe);

    ((ObjectNode) request.get("storage")).put("writePolicy", "allow_once");
    NexusHttp.expect(nexus.http().json("PUT", API + "repositories/pypi/hosted/" + name, request.toString()), 204);

    UploadResponse accepted = upload(name, WheelBuilder.of("rest-shape", "1.0"));
    assertEquals(200, accepted.status(), accepted::describe);
  }

  @Test
  void restRefusesARepositoryWithoutStorage() {
    String body = "{\"name\":\"" + nexus.uniqueName("pypi-incomplete") + "\",\"online\":true}";

    HttpResponse<String> refused = nexus.http().json("POST", API + "repositories/pypi/hosted", body);

    assertEquals(400, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("storage"), refused.body());
  }

  @Test
  void theAdminUiOffersTheRecipeAndRendersTheEditForm() {
    ExtDirect direct = new ExtDirect(nexus.http());

    List<JsonNode> recipes = new ArrayList<>();
    direct.data("coreui_Repository", "readRecipes").forEach(recipes::add);

    assertTrue(recipes.contains(JSON.createObjectNode().put("id", "pypi-hosted").put("name", "pypi (hosted)")),
        recipes::toString);
    // The editor asks this before it renders any form; an error here leaves the form blank.
    JsonNode firewall = direct.data("firewall_RepositoryStatus", "readCapabilitiesStatus", TextNode.valueOf("any"));
    assertTrue(firewall.isBoolean() && !firewall.asBoolean(), firewall::toString);
  }

  @Test
  void theAdminUiFormsCreateAndEditARepository() {
    ExtDirect direct = new ExtDirect(nexus.http());
    String name = nexus.uniqueName("pypi-ui");
    // What the pypi-hosted ExtJS form submits: its fields' values, the dotted names made into objects.
    ObjectNode form = JSON.createObjectNode().put("name", name).put("format", "").put("type", "").put("url", "")
        .put("online", true).put("recipe", "pypi-hosted");
    ObjectNode attributes = form.putObject("attributes");
    attributes.putObject("storage").put("dataStoreName", "nexus").put("blobStoreName", "default")
        .put("strictContentTypeValidation", true).put("writePolicy", "ALLOW_ONCE");
    attributes.putObject("component").put("proprietaryComponents", false);
    attributes.putObject("cleanup").putArray("policyName");

    JsonNode created = direct.data("coreui_Repository", "create", form);

    assertEquals("pypi", created.get("format").asText());
    assertEquals("hosted", created.get("type").asText());
    assertEquals(nexus.baseUri() + "repository/" + name + "/", created.get("url").asText());
    assertEquals("allow_once", hosted(name).get("storage").get("writePolicy").asText().toLowerCase());
    assertEquals(200, upload(name, WheelBuilder.of("ui-form", "1.0")).status());

    // The edit form is loaded with the record coreui_Repository.read lists, and submits it changed.
    ObjectNode record = (ObjectNode) find(direct.data("coreui_Repository", "read"), name);
    ((ObjectNode) record.get("attributes").get("storage")).put("writePolicy", "DENY");
    direct.data("coreui_Repository", "update", record);

    assertEquals("deny", hosted(name).get("storage").get("writePolicy").asText().toLowerCase());
    UploadResponse denied = upload(name, WheelBuilder.of("ui-form", "2.0"));
    assertEquals(400, denied.status(), denied::describe);
  }

  @Test
  void searchFindsAReleaseWithItsFiles() throws IOException {
    String name = nexus.uniqueName("pypi-search");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", name, "allow_once"));
    WheelBuilder wheel = WheelBuilder.of("Search.Me_Now", "1.0");
    Path file = wheel.writeTo(files.resolve(name));
    assertEquals(200, upload(name, file).status());

    Map<String, String> query = Map.of("format", "pypi", "name", "search-me-now", "repository", name);
    List<JsonNode> found = Eventually.poll(() -> nexus.admin().search(query), results -> !results.isEmpty());

    assertEquals(1, found.size(), found::toString);
    JsonNode release = found.get(0);
    assertEquals("search-me-now", release.get("name").asText());
    assertEquals("1.0", release.get("version").asText());
    assertEquals("pypi", release.get("format").asText());
    String path = "/packages/search-me-now/1.0/search_me_now-1.0-py3-none-any.whl";
    List<String> paths = new ArrayList<>();
    release.get("assets").forEach(asset -> paths.add(asset.get("path").asText()));
    assertEquals(List.of(path, path + ".metadata"), paths.stream().sorted().toList());
    JsonNode asset = release.get("assets").get(paths.indexOf(path));
    assertEquals(sha256(file), asset.get("checksum").get("sha256").asText());
    assertEquals(nexus.baseUri() + "repository/" + name + path, asset.get("downloadUrl").asText());
  }

  @Test
  void browseShowsPackagesProjectVersionAndFiles() {
    String name = nexus.uniqueName("pypi-browse");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", name, "allow_once"));
    assertEquals(200, upload(name, WheelBuilder.of("Browse.Me", "2.0")).status());
    ExtDirect direct = new ExtDirect(nexus.http());
    String file = "browse_me-2.0-py3-none-any.whl";

    List<JsonNode> files = Eventually.poll(() -> browse(direct, name, "packages/browse-me/2.0"),
        nodes -> nodes.size() == 2);

    assertEquals(List.of("folder packages"), describe(browse(direct, name, "/")));
    assertEquals(List.of("folder browse-me"), describe(browse(direct, name, "packages")));
    assertEquals(List.of("component 2.0"), describe(browse(direct, name, "packages/browse-me")));
    assertEquals(List.of("asset " + file, "asset " + file + ".metadata"), describe(files));
    files.forEach(node -> assertFalse(node.get("assetId").isNull(), node::toString));
  }

  private static JsonNode hosted(final String name) {
    return nexus.admin().repositorySettings("pypi", "hosted", name);
  }

  private static UploadResponse upload(final String repository, final WheelBuilder wheel) {
    return upload(repository, wheel.writeTo(files.resolve(repository + "-" + wheel.fileName())));
  }

  private static UploadResponse upload(final String repository, final Path file) {
    return LegacyUploadClient.to(nexus.http(), repository)
        .upload(LegacyUpload.of(file));
  }

  private static JsonNode find(final JsonNode repositories, final String name) {
    for (JsonNode repository : repositories) {
      if (repository.get("name").asText().equals(name)) {
        return repository;
      }
    }
    throw new AssertionError(name + " is not among " + repositories);
  }

  private static List<JsonNode> browse(final ExtDirect direct, final String repository, final String node) {
    List<JsonNode> nodes = new ArrayList<>();
    direct.data("coreui_Browse", "read", JSON.createObjectNode().put("repositoryName", repository).put("node", node))
        .forEach(nodes::add);
    return nodes;
  }

  private static List<String> describe(final List<JsonNode> nodes) {
    return nodes.stream().map(node -> node.get("type").asText() + " " + node.get("text").asText()).sorted().toList();
  }

  private static String sha256(final Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return FileDigests.of(in).sha256();
    }
  }
}
