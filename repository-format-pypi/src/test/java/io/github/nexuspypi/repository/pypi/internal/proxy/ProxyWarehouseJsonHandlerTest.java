package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.repository.pypi.internal.Exchanges;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Request;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.ViewFacet;
import org.sonatype.nexus.repository.view.payloads.BytesPayload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.when;

@ExtendWith(MockitoExtension.class)
class ProxyWarehouseJsonHandlerTest
{
  private static final String REPOSITORY_URL = "http://localhost:8081/repository/pypi-proxy";

  private static final String SHA256 = "ab".repeat(32);

  private static final String WHEEL = "demo-1.0.0-py3-none-any.whl";

  private static final String SDIST = "demo-1.0.0.tar.gz";

  private static final String NEWER = "demo-2.0-cp312-cp312-manylinux_2_17_x86_64.whl";

  @Mock
  private Repository repository;

  @Mock
  private ViewFacet view;

  @Mock
  private PypiProxyFacet proxy;

  private final ProxyWarehouseJsonHandler handler = new ProxyWarehouseJsonHandler();

  private final List<String> pageFiles = new ArrayList<>();

  private final Map<String, String> metadata = new HashMap<>();

  private final List<List<String>> asked = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    lenient().when(repository.getUrl()).thenReturn(REPOSITORY_URL);
    lenient().when(repository.getName()).thenReturn("pypi-proxy");
    lenient().when(repository.facet(ViewFacet.class)).thenReturn(view);
    lenient().when(repository.facet(PypiProxyFacet.class)).thenReturn(proxy);
    lenient().when(view.dispatch(any(Request.class), any(Context.class))).thenAnswer(call -> page(call.getArgument(0)));
    lenient().when(proxy.metadataWithoutDownload(any(Context.class), eq("demo"), anyList())).thenAnswer(call -> {
      List<String> candidates = call.getArgument(2);
      asked.add(candidates);
      return candidates.stream().filter(metadata::containsKey).findFirst()
          .map(filename -> new Content(new BytesPayload(metadata.get(filename).getBytes(StandardCharsets.UTF_8),
              "text/plain")));
    });
    file(WHEEL, "\"url\": \"https://files.example/x/" + WHEEL + "\", \"core-metadata\": true, \"size\": 10, "
        + "\"upload-time\": \"2024-01-02T03:04:05Z\", \"requires-python\": \">=3.8\"");
    file(SDIST, "\"url\": \"http://127.0.0.2/internal\", \"core-metadata\": true");
    file(NEWER, "\"url\": \"../../packages/demo/2.0/" + NEWER + "\", \"yanked\": \"broken\"");
    metadata.put(WHEEL, metadataText("Demo", "1.0.0", "from the wheel"));
    metadata.put(SDIST, metadataText("Demo", "1.0.0", "from the sdist"));
  }

  private void file(final String filename, final String fields) {
    pageFiles.add("{\"filename\": \"" + filename + "\", \"hashes\": {\"sha256\": \"" + SHA256 + "\", "
        + "\"md5\": \"not hex\"}, " + fields + "}");
  }

  private static String metadataText(final String name, final String version, final String summary) {
    return "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\nSummary: " + summary + "\n";
  }

  private Response page(final Request request) {
    assertEquals("/simple/demo/", request.getPath());
    assertEquals(SimpleFormat.JSON_V1.mediaType(), request.getHeaders().get("Accept"));
    String json = "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \"demo\", \"files\": ["
        + String.join(", ", pageFiles) + "]}";
    return HttpResponses.ok(new Content(new BytesPayload(json.getBytes(StandardCharsets.UTF_8),
        SimpleFormat.JSON_V1.mediaType())));
  }

  private Response get(final String project, final String version) throws Exception {
    return handler.handle(Exchanges.warehouseJson(repository, project, version));
  }

  private static JsonNode json(final Response response) throws IOException {
    assertEquals(200, response.getStatus().getCode(), response.getStatus().getMessage());
    return new ObjectMapper().readTree(Exchanges.text(response));
  }

  @Test
  void everyFileIsLinkedAtTheProxysPathWhateverUrlThePageGives() throws Exception {
    JsonNode document = json(get("demo", null));

    assertEquals(REPOSITORY_URL + "/packages/demo/1.0.0/" + WHEEL,
        document.get("releases").get("1.0.0").get(0).get("url").asText());
    assertEquals(REPOSITORY_URL + "/packages/demo/1.0.0/" + SDIST,
        document.get("releases").get("1.0.0").get(1).get("url").asText());
    assertEquals(REPOSITORY_URL + "/packages/demo/2.0/" + NEWER,
        document.get("releases").get("2.0").get(0).get("url").asText());
  }

  @Test
  void whatThePageTellsOfAFileIsKeptWhenWellFormed() throws Exception {
    JsonNode wheel = json(get("demo", "1.0.0")).get("urls").get(0);

    assertEquals(WHEEL, wheel.get("filename").asText());
    assertEquals("bdist_wheel", wheel.get("packagetype").asText());
    assertEquals("py3", wheel.get("python_version").asText());
    assertEquals(SHA256, wheel.get("digests").get("sha256").asText());
    assertTrue(wheel.get("digests").get("md5").isNull(), "a digest that is no hex is left out");
    assertEquals(10, wheel.get("size").asLong());
    assertEquals("2024-01-02T03:04:05.000000Z", wheel.get("upload_time_iso_8601").asText());
    assertEquals(">=3.8", wheel.get("requires_python").asText());
    JsonNode sdist = json(get("demo", "1.0.0")).get("urls").get(1);
    assertEquals("sdist", sdist.get("packagetype").asText());
    assertEquals("source", sdist.get("python_version").asText());
    assertTrue(sdist.get("size").isNull());
  }

  @Test
  void theLatestReleaseSkipsAYankedOneAndIsDescribedByItsWheelsMetadata() throws Exception {
    JsonNode document = json(get("demo", null));

    assertEquals("1.0.0", document.get("info").get("version").asText());
    assertEquals("from the wheel", document.get("info").get("summary").asText());
    assertEquals(List.of(List.of(WHEEL, SDIST)), asked, "a wheel's metadata first, for the selected release only");
    JsonNode yanked = document.get("releases").get("2.0").get(0);
    assertTrue(yanked.get("yanked").asBoolean());
    assertEquals("broken", yanked.get("yanked_reason").asText());
  }

  @Test
  void aReleaseIsFoundByPep440Equality() throws Exception {
    assertEquals("1.0.0", json(get("demo", "1.0")).get("info").get("version").asText());
    assertEquals(404, get("demo", "3.0").getStatus().getCode());
  }

  @Test
  void metadataThatNamesAnotherProjectOrReleaseIsNotUsed() throws Exception {
    metadata.put(WHEEL, metadataText("evil", "1.0.0", "lies"));

    JsonNode info = json(get("demo", "1.0.0")).get("info");

    assertEquals("demo", info.get("name").asText());
    assertEquals("1.0.0", info.get("version").asText());
    assertTrue(info.get("summary").isNull());
    assertEquals(REPOSITORY_URL + "/simple/demo/", info.get("project_url").asText());

    metadata.put(WHEEL, metadataText("Demo", "6.6", "lies too"));
    assertTrue(json(get("demo", "1.0.0")).get("info").get("summary").isNull());
  }

  @Test
  void withoutMetadataToBeHadNameAndVersionDescribeTheRelease() throws Exception {
    metadata.clear();
    JsonNode info = json(get("demo", "1.0.0")).get("info");

    assertEquals("demo", info.get("name").asText());
    assertTrue(info.get("summary").isNull());

    when(proxy.metadataWithoutDownload(any(Context.class), eq("demo"), anyList()))
        .thenThrow(new IOException("upstream is down"));
    assertTrue(json(get("demo", "1.0.0")).get("info").get("summary").isNull());
  }

  @Test
  void aProjectThePageDoesNotHaveIsA404AndAFailingUpstreamsAnswerIsPassedOn() throws Exception {
    when(view.dispatch(any(Request.class), any(Context.class))).thenReturn(HttpResponses.notFound("no"));
    assertEquals(404, get("demo", null).getStatus().getCode());

    Response failing = HttpResponses.badGateway("upstream failed");
    when(view.dispatch(any(Request.class), any(Context.class))).thenReturn(failing);
    assertSame(failing, get("demo", null));
  }

  @Test
  void aPageWithoutDistributionsIsA404() throws Exception {
    pageFiles.clear();
    file("demo-1.0.exe", "\"url\": \"https://files.example/demo-1.0.exe\"");

    assertEquals(404, get("demo", null).getStatus().getCode());
  }

  @Test
  void aPageListingMoreFilesThanTheLimitIsA502NamingIt() throws Exception {
    pageFiles.clear();
    for (int i = 0; i <= ProxyWarehouseJsonHandler.MAX_FILES; i++) {
      file("demo-1." + i + "-py3-none-any.whl", "\"url\": \"x\"");
    }

    Response response = get("demo", null);

    assertEquals(502, response.getStatus().getCode());
    assertTrue(response.getStatus().getMessage().contains(String.valueOf(ProxyWarehouseJsonHandler.MAX_FILES)),
        response.getStatus().getMessage());
  }
}
