package io.github.nexuspypi.repository.pypi.internal.json;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.nexuspypi.core.index.Yank;
import io.github.nexuspypi.core.metadata.CoreMetadata;
import io.github.nexuspypi.core.warehouse.WarehouseFile;
import io.github.nexuspypi.core.warehouse.WarehouseRelease;
import io.github.nexuspypi.repository.pypi.internal.Exchanges;

import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.view.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class WarehouseDocumentTest
{
  private static final String REPOSITORY_URL = "http://localhost:8081/repository/pypi-hosted";

  /** A stored file as a repository knows it: its version, its yank, its name. */
  private static final class Stored
  {
    final String version;

    final Yank yank;

    final String filename;

    Stored(final String version, final Yank yank, final String filename) {
      this.version = version;
      this.yank = yank;
      this.filename = filename;
    }
  }

  private static Map<String, WarehouseRelease> releases(final Stored... files) {
    return WarehouseDocument.releases(List.of(files), file -> file.version, file -> file.yank,
        file -> new WarehouseFile(file.filename, REPOSITORY_URL + "/packages/demo/" + file.version + "/"
            + file.filename, "sdist", "source", Map.of("sha256", "ab".repeat(32)), 10L, null, null, null));
  }

  @Test
  void filesAreGroupedIntoReleasesInTheOrderGiven() {
    Map<String, WarehouseRelease> releases = releases(new Stored("2.0", null, "demo-2.0.tar.gz"),
        new Stored("1.0", null, "demo-1.0.tar.gz"), new Stored("2.0", null, "demo-2.0.zip"));

    assertEquals(List.of("2.0", "1.0"), List.copyOf(releases.keySet()));
    assertEquals(2, releases.get("2.0").files().size());
  }

  @Test
  void aReleaseIsYankedOnlyWhenAllItsFilesAre() {
    Map<String, WarehouseRelease> releases = releases(
        new Stored("1.0", new Yank("broken"), "demo-1.0.tar.gz"), new Stored("1.0", null, "demo-1.0.zip"),
        new Stored("2.0", new Yank("bad metadata"), "demo-2.0.tar.gz"),
        new Stored("2.0", Yank.WITHOUT_REASON, "demo-2.0.zip"));

    assertNull(releases.get("1.0").yank());
    assertEquals(new Yank("bad metadata"), releases.get("2.0").yank(), "the first file's reason");
  }

  @Test
  void withoutAVersionTheLatestReleaseIsDescribedAmongAllReleases() throws Exception {
    JsonNode document = answer(null, releases(new Stored("1.0", null, "demo-1.0.tar.gz"),
        new Stored("2.0rc1", null, "demo-2.0rc1.tar.gz")), metadataOf("1.0", "A demo"));

    assertEquals("1.0", document.at("/info/version").asText(), "a final release over a pre-release");
    assertEquals("A demo", document.at("/info/summary").asText());
    assertEquals(2, document.get("releases").size());
    assertEquals(42, document.get("last_serial").asLong());
  }

  @Test
  void aVersionFindsTheReleaseEqualToItUnderPep440() throws Exception {
    JsonNode document = answer("1.0", releases(new Stored("1.0.0", null, "demo-1.0.0.tar.gz")),
        metadataOf("1.0.0", "A demo"));

    assertEquals("1.0.0", document.at("/info/version").asText());
    assertFalse(document.has("releases"), "a release's document lists no other release");
    assertEquals(REPOSITORY_URL + "/simple/demo/", document.at("/info/project_url").asText());
  }

  @Test
  void withoutMetadataNameAndVersionStillDescribeTheRelease() throws Exception {
    JsonNode document = answer(null, releases(new Stored("1.0", null, "demo-1.0.tar.gz")),
        release -> Optional.empty());

    assertEquals("demo", document.at("/info/name").asText());
    assertEquals("1.0", document.at("/info/version").asText());
  }

  @Test
  void aProjectWithoutFilesOrAnUnknownReleaseIsNotFound() throws Exception {
    assertEquals(404, respond(null, Map.of(), release -> Optional.empty()).getStatus().getCode());
    assertEquals(404, respond("3.0", releases(new Stored("1.0", null, "demo-1.0.tar.gz")),
        release -> Optional.empty()).getStatus().getCode());
  }

  @Test
  void filesAreLinkedThroughTheRepositoryAsked() {
    assertEquals(REPOSITORY_URL + "/packages/demo/1.0/demo-1.0.tar.gz",
        WarehouseDocument.fileUrl(Exchanges.warehouseJson(repository(), "demo", null),
            "/packages/demo/1.0/demo-1.0.tar.gz"));
  }

  private static WarehouseDocument.MetadataSource metadataOf(final String version, final String summary) {
    return release -> Optional.of(CoreMetadata.parse(("Metadata-Version: 2.1\nName: demo\nVersion: " + version
        + "\nSummary: " + summary + "\n").getBytes(StandardCharsets.UTF_8)));
  }

  private static Repository repository() {
    Repository repository = mock(Repository.class);
    when(repository.getUrl()).thenReturn(REPOSITORY_URL);
    return repository;
  }

  private static Response respond(final String version, final Map<String, WarehouseRelease> releases,
                                  final WarehouseDocument.MetadataSource metadata) throws Exception
  {
    return WarehouseDocument.answer(Exchanges.warehouseJson(repository(), "demo", version), "demo", releases, 42,
        metadata);
  }

  private static JsonNode answer(final String version, final Map<String, WarehouseRelease> releases,
                                 final WarehouseDocument.MetadataSource metadata) throws Exception
  {
    Response response = respond(version, releases, metadata);
    assertEquals(200, response.getStatus().getCode(), () -> response.getStatus().getMessage());
    return new ObjectMapper().readTree(Exchanges.text(response));
  }
}
