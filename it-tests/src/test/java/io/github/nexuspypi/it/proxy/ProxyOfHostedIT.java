package io.github.nexuspypi.it.proxy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.nexuspypi.core.index.CoreMetadataRef;
import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.it.dists.SdistBuilder;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.ExtDirect;
import io.github.nexuspypi.it.nexus.NexusHttp;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.python.IsolatedEnvironment;
import io.github.nexuspypi.it.python.PythonClients;
import io.github.nexuspypi.it.upload.LegacyUpload;
import io.github.nexuspypi.it.upload.LegacyUploadClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A proxy whose upstream is a hosted repository of the same Nexus: the proxy's pages carry upstream's every
 * attribute with links into the proxy, pip of both generations installs through it, and what it cached stays
 * available when upstream goes offline.
 */
@NexusTest
class ProxyOfHostedIT
{
  private static final String PROJECT = "proxied-demo";

  private static Nexus nexus;

  private static PythonClients python;

  private static String hosted;

  private static String proxy;

  private static Path wheel;

  private static byte[] wheelMetadata;

  private static Path sdist;

  @BeforeAll
  static void publishUpstreamAndProxyIt() throws IOException {
    hosted = nexus.uniqueName("pypi-upstream");
    proxy = nexus.uniqueName("pypi-proxy");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", hosted, "allow_once"));
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", proxy,
        nexus.repositoryUri(hosted).toString()));
    Path dist = Files.createDirectories(python.environment("proxy-dist").home().resolve("dist"));
    WheelBuilder wheelBuilder = WheelBuilder.of(PROJECT, "1.0");
    wheelBuilder.metadata().set("Requires-Python", ">=3.7");
    wheel = wheelBuilder.writeTo(dist);
    wheelMetadata = wheelBuilder.metadataBytes();
    SdistBuilder sdistBuilder = SdistBuilder.of(PROJECT, "1.0");
    sdist = Files.write(dist.resolve(sdistBuilder.fileName()), sdistBuilder.toBytes());
    LegacyUploadClient upload = LegacyUploadClient.to(nexus.http(), hosted);
    for (Path file : List.of(wheel, sdist)) {
      assertEquals(200, upload.upload(LegacyUpload.of(file)).status());
    }
  }

  @Test
  void pagesCarryUpstreamsAttributesWithLinksIntoTheProxy() throws Exception {
    for (String type : List.of(IndexPages.HTML, IndexPages.JSON)) {
      Map<String, DistributionLink> upstream = byFilename(new IndexPages(nexus.anonymous(), hosted).page(PROJECT, type));
      ProjectPage proxied = new IndexPages(nexus.anonymous(), proxy).page(PROJECT, type);
      Map<String, DistributionLink> links = byFilename(proxied);

      assertEquals(upstream.keySet(), links.keySet(), type);
      for (DistributionLink link : links.values()) {
        DistributionLink original = upstream.get(link.filename());
        assertTrue(link.url().startsWith(nexus.repositoryUri(proxy) + "packages/" + PROJECT + "/1.0/"), link::url);
        assertEquals(original.hashes(), link.hashes(), type);
        assertEquals(original.requiresPython(), link.requiresPython(), type);
        assertEquals(original.coreMetadata(), link.coreMetadata(), type);
        assertEquals(original.size(), link.size(), type);
        assertEquals(original.uploadTime(), link.uploadTime(), type);
      }
    }
  }

  @Test
  void filesAndMetadataComeThroughByteForByte() throws Exception {
    IndexPages pages = new IndexPages(nexus.anonymous(), proxy);
    for (Path file : List.of(wheel, sdist)) {
      URI url = pages.fileUri(PROJECT, file.getFileName().toString());
      assertArrayEquals(Files.readAllBytes(file), get(url).body());
    }
    DistributionLink wheelLink = byFilename(pages.json(PROJECT)).get(wheel.getFileName().toString());
    byte[] metadata = get(URI.create(wheelLink.url() + ".metadata")).body();
    assertArrayEquals(wheelMetadata, metadata);
    assertEquals(CoreMetadataRef.sha256(sha256(metadata)), wheelLink.coreMetadata());
  }

  @ParameterizedTest(name = "pip of Python {0}")
  @ValueSource(strings = {"3.13.0", "3.7.16"})
  void pipDownloadsThroughTheProxy(final String pythonVersion) throws IOException {
    IsolatedEnvironment env = python.environment("proxy-pip-" + pythonVersion);
    env.run(python.pip(pythonVersion), "download", "--no-deps", "--only-binary", ":all:", "--index-url",
        nexus.repositoryUri(proxy) + "simple/", "--dest", "downloads", PROJECT + "==1.0").requireSuccess();

    assertArrayEquals(Files.readAllBytes(wheel),
        Files.readAllBytes(env.home().resolve("downloads").resolve(wheel.getFileName())));
  }

  @Test
  void anyNameSpellingRedirectsToTheOnePage() {
    HttpResponse<String> response = nexus.anonymous().get("repository/" + proxy + "/simple/Proxied.Demo/");
    assertEquals(301, response.statusCode());
    assertEquals(nexus.repositoryUri(proxy) + "simple/" + PROJECT + "/",
        response.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void aProjectUpstreamDoesNotHaveIsNotFound() {
    assertEquals(404, new IndexPages(nexus.anonymous(), proxy).status("no-such-project"));
  }

  @Test
  void whatWasCachedIsServedWhileUpstreamIsOffline() throws Exception {
    IndexPages pages = new IndexPages(nexus.anonymous(), proxy);
    URI wheelUrl = pages.fileUri(PROJECT, wheel.getFileName().toString());
    assertArrayEquals(Files.readAllBytes(wheel), get(wheelUrl).body());

    setOnline(hosted, false);
    try {
      // The page is due for a refresh at once: upstream is asked, fails, and the cached copy answers.
      new ExtDirect(nexus.http()).data("coreui_Repository", "invalidateCache", TextNode.valueOf(proxy));
      assertEquals(Set.of(wheel.getFileName().toString(), sdist.getFileName().toString()),
          byFilename(pages.json(PROJECT)).keySet());
      assertArrayEquals(Files.readAllBytes(wheel), get(wheelUrl).body());
    }
    finally {
      setOnline(hosted, true);
    }
  }

  @Test
  void cachedFilesAreComponentsOfTheProxy() throws Exception {
    IndexPages pages = new IndexPages(nexus.anonymous(), proxy);
    get(pages.fileUri(PROJECT, sdist.getFileName().toString()));

    List<JsonNode> components = nexus.admin().components(proxy);
    assertTrue(components.stream().anyMatch(component -> PROJECT.equals(component.path("name").asText())
        && "1.0".equals(component.path("version").asText())), components::toString);
  }

  private static void setOnline(final String repository, final boolean online) {
    String json = "{\"name\":\"" + repository + "\",\"online\":" + online + ",\"storage\":{\"blobStoreName\":"
        + "\"default\",\"strictContentTypeValidation\":true,\"writePolicy\":\"allow_once\"}}";
    NexusHttp.expect(nexus.http().json("PUT", "/service/rest/v1/repositories/pypi/hosted/" + repository, json), 204);
  }

  private static HttpResponse<byte[]> get(final URI url) {
    HttpResponse<byte[]> response = nexus.anonymous().send(nexus.anonymous().request(url.toString()).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode(), url::toString);
    return response;
  }

  private static Map<String, DistributionLink> byFilename(final ProjectPage page) {
    return page.files().stream().collect(Collectors.toMap(DistributionLink::filename, Function.identity()));
  }

  private static String sha256(final byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
