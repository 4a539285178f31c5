package io.github.nexuspypi.it;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.Eventually;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.upload.LegacyUpload;
import io.github.nexuspypi.it.upload.LegacyUploadClient;
import io.github.nexuspypi.it.upload.UploadResponse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files as clients receive them, on the path that sends them from the blob store's file and whose asset lookups a
 * cache saves: byte for byte, in ranges, with validators, from a hosted repository, a proxy's cache and a group, and
 * never a file the repository no longer holds.
 */
@NexusTest
class FileDownloadIT
{
  private static final String PROJECT = "fast-file";

  // Far larger than Jetty's buffers, so that a file is sent in many reads of its channel.
  private static final int PAYLOAD = 600 * 1024;

  private static Nexus nexus;

  @TempDir
  static Path files;

  private static String hosted;

  private static Map<String, String> repositories;

  private static WheelBuilder wheelBuilder;

  private static byte[] wheel;

  @BeforeAll
  static void publishAndProxyAndGroupIt() {
    hosted = nexus.uniqueName("pypi-files");
    String proxy = nexus.uniqueName("pypi-files-proxy");
    String group = nexus.uniqueName("pypi-files-group");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", hosted, "allow_once"));
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", proxy, nexus.repositoryUri(hosted).toString()));
    nexus.admin().createRepository(RepositoryDefinition.group("pypi", group, List.of(proxy)));
    repositories = Map.of("hosted", hosted, "proxy", proxy, "group", group);
    wheelBuilder = wheelWithPayload(PROJECT, "1.0", 1);
    wheel = upload(hosted, wheelBuilder);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"hosted", "proxy", "group"})
  void theStoredBytesComeWholeAndInRanges(final String kind) {
    String path = filePath(repositories.get(kind), PROJECT, wheelBuilder);
    for (int i = 0; i < 2; i++) {
      HttpResponse<byte[]> whole = nexus.anonymous().getBytes(path);
      assertEquals(200, whole.statusCode());
      assertArrayEquals(wheel, whole.body(), "download " + (i + 1));
      assertEquals("application/zip", header(whole, "Content-Type"));
      assertEquals("bytes", header(whole, "Accept-Ranges"));
    }

    HttpResponse<byte[]> middle = ranged(path, "bytes=1000-299999");
    assertEquals(206, middle.statusCode());
    assertEquals("bytes 1000-299999/" + wheel.length, header(middle, "Content-Range"));
    assertArrayEquals(Arrays.copyOfRange(wheel, 1000, 300000), middle.body());

    HttpResponse<byte[]> tail = ranged(path, "bytes=-100");
    assertEquals(206, tail.statusCode());
    assertArrayEquals(Arrays.copyOfRange(wheel, wheel.length - 100, wheel.length), tail.body());

    HttpResponse<byte[]> toTheEnd = ranged(path, "bytes=" + (wheel.length - 10) + "-");
    assertArrayEquals(Arrays.copyOfRange(wheel, wheel.length - 10, wheel.length), toTheEnd.body());

    assertEquals(416, ranged(path, "bytes=" + wheel.length + "-").statusCode());

    HttpResponse<byte[]> head = nexus.anonymous().send(nexus.anonymous().request(path)
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, head.statusCode());
    assertEquals(String.valueOf(wheel.length), header(head, "Content-Length"));
    assertEquals(0, head.body().length);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"hosted", "proxy", "group"})
  void validatorsAnswerUnchangedFilesWithoutBytes(final String kind) {
    String path = filePath(repositories.get(kind), PROJECT, wheelBuilder);
    HttpResponse<byte[]> first = nexus.anonymous().getBytes(path);
    assertEquals(200, first.statusCode());
    String etag = header(first, "ETag");
    String lastModified = header(first, "Last-Modified");

    assertEquals(304, conditional(path, "If-None-Match", etag).statusCode());
    assertEquals(304, conditional(path, "If-Modified-Since", lastModified).statusCode());
    assertEquals(200, conditional(path, "If-None-Match", "\"other\"").statusCode());

    HttpResponse<byte[]> sameVersion = nexus.anonymous().send(nexus.anonymous().request(path)
        .header("Range", "bytes=0-99").header("If-Range", etag).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(206, sameVersion.statusCode());
    assertArrayEquals(Arrays.copyOfRange(wheel, 0, 100), sameVersion.body());
    HttpResponse<byte[]> otherVersion = nexus.anonymous().send(nexus.anonymous().request(path)
        .header("Range", "bytes=0-99").header("If-Range", "\"other\"").GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, otherVersion.statusCode());
    assertArrayEquals(wheel, otherVersion.body());
  }

  @Test
  void metadataIsServedAsText() {
    HttpResponse<byte[]> metadata = nexus.anonymous().getBytes(filePath(hosted, PROJECT, wheelBuilder) + ".metadata");

    assertEquals(200, metadata.statusCode());
    assertArrayEquals(wheelBuilder.metadataBytes(), metadata.body());
    assertTrue(header(metadata, "Content-Type").startsWith("text/plain"), () -> header(metadata, "Content-Type"));
  }

  @Test
  void downloadsAreRecordedAsTheAssetsLastDownloaded() {
    String repository = nexus.uniqueName("pypi-files-downloaded");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repository, "allow_once"));
    WheelBuilder builder = wheelWithPayload("downloaded", "1.0", 2);
    upload(repository, builder);
    String path = filePath(repository, "downloaded", builder);

    for (int i = 0; i < 3; i++) {
      assertEquals(200, nexus.anonymous().getBytes(path).statusCode());
    }

    JsonNode asset = Eventually.poll(() -> asset(repository, builder.fileName()),
        found -> found.hasNonNull("lastDownloaded"));
    assertTrue(asset.hasNonNull("lastDownloaded"), asset::toString);
  }

  @Test
  void aDownloadedFileDeletedIsGoneAtOnceAndWhatIsUploadedInsteadIsServed() {
    String repository = nexus.uniqueName("pypi-files-replaced");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repository, "allow_once"));
    WheelBuilder first = wheelWithPayload("replaced", "1.0", 3);
    byte[] firstBytes = upload(repository, first);
    String path = filePath(repository, "replaced", first);
    for (int i = 0; i < 2; i++) {
      assertArrayEquals(firstBytes, nexus.anonymous().getBytes(path).body());
    }

    nexus.admin().deleteComponent(componentId(repository));

    assertEquals(404, nexus.anonymous().getBytes(path).statusCode());
    assertEquals(404, nexus.anonymous().getBytes(path + ".metadata").statusCode());

    WheelBuilder second = wheelWithPayload("replaced", "1.0", 4);
    byte[] secondBytes = upload(repository, second);
    assertEquals(firstBytes.length, secondBytes.length, "the same size, other bytes");
    assertArrayEquals(secondBytes, nexus.anonymous().getBytes(path).body());
    assertArrayEquals(secondBytes, nexus.anonymous().getBytes(path).body());

    nexus.admin().deleteAsset(asset(repository, second.fileName()).get("id").asText());

    assertEquals(404, nexus.anonymous().getBytes(path).statusCode());
  }

  @Test
  void anonymousDownloadsStopWhenAnonymousAccessIsSwitchedOff() {
    String path = filePath(hosted, PROJECT, wheelBuilder);
    assertEquals(200, nexus.anonymous().getBytes(path).statusCode());

    nexus.admin().setAnonymousAccess(false);
    try {
      assertEquals(401, nexus.anonymous().getBytes(path).statusCode());
      assertEquals(401, ranged(path, "bytes=0-99").statusCode());
    }
    finally {
      nexus.admin().setAnonymousAccess(true);
    }
    assertEquals(200, nexus.anonymous().getBytes(path).statusCode());
  }

  /**
   * Downloads take turns at their socket writes, one per core: clients that stopped reading must not hold a turn. More
   * such clients than the machine has cores stall downloads of a file far larger than the sockets' buffers, and
   * another download of it still comes whole, long before Jetty would drop the stalled ones (30 s idle).
   */
  @Test
  void clientsThatStopReadingDoNotHoldUpOtherDownloads() throws IOException {
    String repository = nexus.uniqueName("pypi-files-stalled");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repository, "allow_once"));
    WheelBuilder builder = wheelWithPayload("stalled", "1.0", 5, 24 * 1024 * 1024);
    byte[] bytes = upload(repository, builder);
    String path = filePath(repository, "stalled", builder);
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors() + 2; i++) {
        stalled.add(stalledDownload(path));
      }

      HttpResponse<byte[]> other = nexus.anonymous().send(nexus.anonymous().request(path)
          .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());

      assertEquals(200, other.statusCode());
      assertArrayEquals(bytes, other.body());
    }
    finally {
      for (Socket socket : stalled) {
        socket.close();
      }
    }
  }

  /** A download whose client read the response's head and then nothing more, through a small receive buffer. */
  private static Socket stalledDownload(final String path) throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096);
    // Far less than Jetty's idle timeout: a download that cannot begin while these stall fails rather than waits.
    socket.setSoTimeout(20_000);
    socket.connect(new InetSocketAddress(nexus.baseUri().getHost(), nexus.baseUri().getPort()));
    socket.getOutputStream().write(("GET " + nexus.anonymous().resolve(path).getRawPath() + " HTTP/1.1\r\nHost: "
        + nexus.baseUri().getAuthority() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    // The status line proves the file's send began; reading stops there.
    byte[] head = new byte[12];
    new DataInputStream(socket.getInputStream()).readFully(head);
    assertEquals("HTTP/1.1 200", new String(head, StandardCharsets.US_ASCII));
    return socket;
  }

  /** @return the bytes uploaded */
  private static byte[] upload(final String repository, final WheelBuilder builder) {
    Path file = builder.writeTo(files.resolve(repository));
    UploadResponse response = LegacyUploadClient.to(nexus.http(), repository).upload(LegacyUpload.of(file));
    assertEquals(200, response.status(), response::describe);
    try {
      return Files.readAllBytes(file);
    }
    catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String filePath(final String repository, final String project, final WheelBuilder builder) {
    return "repository/" + repository + "/packages/" + project + "/1.0/" + builder.fileName();
  }

  private static HttpResponse<byte[]> ranged(final String path, final String range) {
    return conditional(path, "Range", range);
  }

  private static HttpResponse<byte[]> conditional(final String path, final String header, final String value) {
    return nexus.anonymous().send(nexus.anonymous().request(path).header(header, value).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String header(final HttpResponse<?> response, final String name) {
    return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
  }

  private static JsonNode asset(final String repository, final String filename) {
    return nexus.admin().assets(repository).stream()
        .filter(asset -> asset.get("path").asText().endsWith("/" + filename))
        .findFirst().orElseThrow(() -> new AssertionError(filename));
  }

  private static String componentId(final String repository) {
    List<JsonNode> components = nexus.admin().components(repository);
    assertEquals(1, components.size(), components::toString);
    return components.get(0).get("id").asText();
  }

  private static WheelBuilder wheelWithPayload(final String project, final String version, final long seed) {
    return wheelWithPayload(project, version, seed, PAYLOAD);
  }

  private static WheelBuilder wheelWithPayload(final String project, final String version, final long seed,
                                               final int size)
  {
    byte[] payload = new byte[size];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) random.nextInt(256);
    }
    return WheelBuilder.of(project, version).file(project.replace('-', '_') + "/payload.bin", payload);
  }
}
