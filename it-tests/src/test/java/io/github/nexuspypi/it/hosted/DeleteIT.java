package io.github.nexuspypi.it.hosted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.index.IndexPages;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deleting files and releases through Nexus (its REST API, its admin UI) changes every page in the very next
 * request: the simple pages in HTML and JSON, the root page, the Warehouse JSON API and the files themselves.
 */
@NexusTest
class DeleteIT
{
  private static final String PROJECT = "delete-me";

  private static final String PY3 = "delete_me-1.0-py3-none-any.whl";

  private static final String PY2_PY3 = "delete_me-1.0-py2.py3-none-any.whl";

  private static final String LATER = "delete_me-2.0-py3-none-any.whl";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Nexus nexus;

  @TempDir
  static Path files;

  /** A repository holding delete-me 1.0 (two wheels), delete-me 2.0 and another project. */
  private record Filled(String name, IndexPages pages)
  {
    static Filled create() {
      String name = nexus.uniqueName("pypi-delete");
      nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", name, "allow_once"));
      for (WheelBuilder wheel : List.of(WheelBuilder.of(PROJECT, "1.0"),
          WheelBuilder.of(PROJECT, "1.0").tag("py2.py3-none-any"), WheelBuilder.of(PROJECT, "2.0"),
          WheelBuilder.of("keep-me", "1.0"))) {
        Path file = wheel.writeTo(files.resolve(name));
        UploadResponse response = LegacyUploadClient.to(nexus.http(), name).upload(LegacyUpload.of(file));
        assertEquals(200, response.status(), response::describe);
      }
      Filled filled = new Filled(name, new IndexPages(nexus.http(), name));
      assertEquals(List.of(PY2_PY3, PY3, LATER), filled.files());
      return filled;
    }

    /** The project page's file names, which the HTML and the JSON page must agree on. */
    List<String> files() {
      List<String> html = fileNames(pages.html(PROJECT));
      assertEquals(html, fileNames(pages.json(PROJECT)), "files of the JSON page");
      return html;
    }

    int status(final String file) {
      return nexus.http().get("repository/" + name + "/packages/" + PROJECT + "/" + file.split("-")[1] + "/" + file)
          .statusCode();
    }

    String assetId(final String file) {
      return nexus.admin().assets(name).stream().filter(asset -> asset.get("path").asText().endsWith("/" + file))
          .map(asset -> asset.get("id").asText()).findFirst().orElseThrow(() -> new AssertionError(file));
    }

    String componentId(final String version) {
      return nexus.admin().components(name).stream().filter(release -> release.get("version").asText()
          .equals(version)).map(release -> release.get("id").asText()).findFirst().orElseThrow();
    }

    JsonNode warehouse(final String path) throws IOException {
      return JSON.readTree(NexusHttp.expect(nexus.http().get("repository/" + name + "/pypi/" + path), 200).body());
    }

    int warehouseStatus(final String path) {
      return nexus.http().get("repository/" + name + "/pypi/" + path).statusCode();
    }
  }

  @Test
  void deletingAFileDropsItAndItsMetadataAtOnce() throws IOException {
    Filled repository = Filled.create();

    nexus.admin().deleteAsset(repository.assetId(PY3));

    assertEquals(List.of(PY2_PY3, LATER), repository.files());
    assertEquals(404, repository.status(PY3));
    assertEquals(404, repository.status(PY3 + ".metadata"));
    assertEquals(200, repository.status(PY2_PY3));
    assertEquals(200, repository.status(PY2_PY3 + ".metadata"));
    List<String> paths = new ArrayList<>();
    nexus.admin().assets(repository.name()).forEach(asset -> paths.add(asset.get("path").asText()));
    assertFalse(paths.stream().anyMatch(path -> path.contains(PY3)), paths::toString);
    assertEquals(Set.of(PY2_PY3), urlFileNames(repository.warehouse(PROJECT + "/1.0/json")));
  }

  @Test
  void deletingAFileInTheAdminUiDropsItToo() {
    Filled repository = Filled.create();
    ExtDirect direct = new ExtDirect(nexus.http());
    // The asset id the UI knows is the one of its browse tree, which Nexus builds in the background.
    JsonNode node = Eventually.poll(() -> browseNode(direct, repository.name(), PY2_PY3), found -> found != null);
    assertTrue(node != null, "browse tree lists " + PY2_PY3);

    direct.data("coreui_Component", "deleteAsset", node.get("assetId"), TextNode.valueOf(repository.name()));

    assertEquals(List.of(PY3, LATER), repository.files());
    assertEquals(404, repository.status(PY2_PY3));
    assertEquals(404, repository.status(PY2_PY3 + ".metadata"));
  }

  @Test
  void deletingReleasesShrinksEveryPageUntilTheProjectIsGone() throws IOException {
    Filled repository = Filled.create();
    assertEquals(Set.of("1.0", "2.0"), repository.pages().json(PROJECT).versions());
    assertEquals(List.of(PROJECT, "keep-me"), repository.pages().projects());

    nexus.admin().deleteComponent(repository.componentId("1.0"));

    assertEquals(List.of(LATER), repository.files());
    assertEquals(Set.of("2.0"), repository.pages().json(PROJECT).versions());
    assertEquals(404, repository.status(PY3));
    assertEquals(404, repository.status(PY2_PY3 + ".metadata"));
    JsonNode project = repository.warehouse(PROJECT + "/json");
    assertEquals("2.0", project.get("info").get("version").asText());
    assertEquals(List.of("2.0"), fieldNames(project.get("releases")));
    assertEquals(404, repository.warehouseStatus(PROJECT + "/1.0/json"));

    nexus.admin().deleteComponent(repository.componentId("2.0"));

    assertEquals(404, repository.pages().status(PROJECT));
    assertEquals(404, repository.warehouseStatus(PROJECT + "/json"));
    assertEquals(404, repository.status(LATER));
    assertEquals(List.of("keep-me"), repository.pages().projects());
  }

  private static List<String> fileNames(final ProjectPage page) {
    return page.files().stream().map(DistributionLink::filename).sorted().toList();
  }

  private static Set<String> urlFileNames(final JsonNode release) {
    List<String> names = new ArrayList<>();
    release.get("urls").forEach(url -> names.add(url.get("filename").asText()));
    return Set.copyOf(names);
  }

  private static List<String> fieldNames(final JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode browseNode(final ExtDirect direct, final String repository, final String file) {
    JsonNode nodes = direct.data("coreui_Browse", "read", JSON.createObjectNode().put("repositoryName", repository)
        .put("node", "packages/" + PROJECT + "/1.0"));
    for (JsonNode node : nodes) {
      if (node.get("text").asText().equals(file)) {
        return node;
      }
    }
    return null;
  }
}
