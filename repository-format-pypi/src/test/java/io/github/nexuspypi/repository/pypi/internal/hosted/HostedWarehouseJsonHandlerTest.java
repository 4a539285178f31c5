package io.github.nexuspypi.repository.pypi.internal.hosted;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.nexuspypi.repository.pypi.PypiContentFacet;
import io.github.nexuspypi.repository.pypi.internal.Exchanges;
import io.github.nexuspypi.repository.pypi.internal.PypiPaths;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.content.fluent.FluentAsset;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.payloads.BytesPayload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_YANKED;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_YANKED_REASON;
import static io.github.nexuspypi.repository.pypi.internal.StoredAssets.distribution;
import static io.github.nexuspypi.repository.pypi.internal.StoredAssets.metadata;
import static io.github.nexuspypi.repository.pypi.internal.StoredAssets.pypi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.lenient;

@ExtendWith(MockitoExtension.class)
class HostedWarehouseJsonHandlerTest
{
  private static final String REPOSITORY_URL = "http://localhost:8081/repository/pypi-hosted";


  private static final String WHEEL_1_0 = "/packages/demo/1.0/demo-1.0-py3-none-any.whl";

  private static final String SDIST_1_0 = "/packages/demo/1.0/demo-1.0.tar.gz";

  private static final String SDIST_2_0 = "/packages/demo/2.0/demo-2.0.tar.gz";

  private static final String WHEEL_3_0_RC1 = "/packages/demo/3.0rc1/demo-3.0rc1-py3-none-any.whl";

  @Mock
  private Repository repository;

  @Mock
  private PypiContentFacet content;

  private final HostedWarehouseJsonHandler handler = new HostedWarehouseJsonHandler();

  private final List<FluentAsset> stored = new ArrayList<>();

  private final Map<String, FluentAsset> byPath = new HashMap<>();

  @BeforeEach
  void setUp() {
    lenient().when(repository.getUrl()).thenReturn(REPOSITORY_URL);
    lenient().when(repository.facet(PypiContentFacet.class)).thenReturn(content);
    lenient().when(content.projectAssets(anyString())).thenAnswer(call -> stored.stream()
        .filter(asset -> asset.path().startsWith(PypiPaths.projectPrefix(call.getArgument(0)))));
    lenient().when(content.find(anyString())).thenAnswer(call -> Optional.ofNullable(byPath.get(call.getArgument(0))));
    store(WHEEL_1_0, "1.0", "Built from the wheel");
    store(SDIST_1_0, "1.0", "Built from the sdist");
    store(SDIST_2_0, "2.0", "The latest final release");
    store(WHEEL_3_0_RC1, "3.0rc1", "A pre-release");
  }

  /** A file and its metadata, whose summary tells which file the JSON's {@code info} was read from. */
  private FluentAsset store(final String path, final String version, final String summary) {
    FluentAsset file = distribution(path);
    FluentAsset metadata = metadata(path);
    byte[] bytes = ("Metadata-Version: 2.1\nName: Demo\nVersion: " + version + "\nSummary: " + summary + "\n")
        .getBytes(StandardCharsets.UTF_8);
    doReturn(new Content(new BytesPayload(bytes, "text/plain"))).when(metadata).download();
    for (FluentAsset asset : new FluentAsset[]{file, metadata}) {
      stored.add(asset);
      byPath.put(asset.path(), asset);
    }
    return file;
  }

  private Response get(final String project, final String version) throws Exception {
    return handler.handle(Exchanges.warehouseJson(repository, project, version));
  }

  private static JsonNode json(final Response response) throws Exception {
    assertEquals(200, response.getStatus().getCode(), response.getStatus().getMessage());
    try (var in = response.getPayload().openInputStream()) {
      return new ObjectMapper().readTree(in);
    }
  }

  private static List<String> fieldNames(final JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> filenames(final JsonNode files) {
    List<String> names = new ArrayList<>();
    files.forEach(file -> names.add(file.get("filename").asText()));
    return names;
  }

  @Test
  void theProjectDocumentDescribesTheLatestFinalRelease() throws Exception {
    JsonNode project = json(get("demo", null));

    assertEquals("2.0", project.at("/info/version").asText());
    assertEquals("The latest final release", project.at("/info/summary").asText());
    assertEquals(List.of("1.0", "2.0", "3.0rc1"), fieldNames(project.get("releases")));
    assertEquals(List.of("demo-1.0-py3-none-any.whl", "demo-1.0.tar.gz"),
        filenames(project.at("/releases/1.0")));
    assertEquals(List.of("demo-2.0.tar.gz"), filenames(project.get("urls")));
    assertEquals(REPOSITORY_URL + SDIST_2_0, project.at("/urls/0/url").asText());
    assertEquals(pypi(byPath.get(SDIST_2_0)).get("sha256"), project.at("/urls/0/digests/sha256").asText());
    assertEquals(REPOSITORY_URL + "/simple/demo/", project.at("/info/project_url").asText());
    assertEquals(REPOSITORY_URL + "/pypi/demo/2.0/json", project.at("/info/release_url").asText());
  }

  @Test
  void aReleaseIsDescribedByItsWheelsMetadata() throws Exception {
    JsonNode release = json(get("demo", "1.0"));

    assertEquals("1.0", release.at("/info/version").asText());
    assertEquals("Built from the wheel", release.at("/info/summary").asText());
    assertFalse(release.has("releases"));
    assertEquals(List.of("demo-1.0-py3-none-any.whl", "demo-1.0.tar.gz"), filenames(release.get("urls")));
  }

  @Test
  void aReleaseWhoseWheelLostItsMetadataIsDescribedByAnotherFile() throws Exception {
    // Deleting a .metadata file alone is allowed; the release still has the sdist's.
    FluentAsset wheelMetadata = byPath.remove(PypiPaths.metadataOf(WHEEL_1_0));
    stored.remove(wheelMetadata);

    assertEquals("Built from the sdist", json(get("demo", "1.0")).at("/info/summary").asText());
  }

  @Test
  void aReleaseIsFoundByAnyEqualSpelling() throws Exception {
    assertEquals("1.0", json(get("demo", "1.0.0")).at("/info/version").asText());
  }

  @Test
  void aReleaseWhoseFilesAreAllYankedIsYankedAndNotTheLatest() throws Exception {
    Map<String, Object> sdist = pypi(byPath.get(SDIST_2_0));
    sdist.put(P_YANKED, true);
    sdist.put(P_YANKED_REASON, "broken");

    JsonNode project = json(get("demo", null));

    assertEquals("1.0", project.at("/info/version").asText());
    assertTrue(project.at("/releases/2.0/0/yanked").asBoolean());
    assertEquals("broken", project.at("/releases/2.0/0/yanked_reason").asText());
    assertFalse(project.at("/releases/1.0/0/yanked").asBoolean());
  }

  @Test
  void unknownProjectsAndReleasesAreNotFound() throws Exception {
    assertEquals(404, get("other", null).getStatus().getCode());
    assertEquals(404, get("demo", "9.9").getStatus().getCode());
    assertEquals(404, get("demo", "not a version").getStatus().getCode());
  }
}
