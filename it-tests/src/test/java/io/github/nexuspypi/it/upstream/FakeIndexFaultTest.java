package io.github.nexuspypi.it.upstream;

import io.github.nexuspypi.core.index.IndexFormatException;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.it.dists.WheelBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.github.nexuspypi.it.upstream.UpstreamHttp.HTML;
import static io.github.nexuspypi.it.upstream.UpstreamHttp.JSON;
import static io.github.nexuspypi.it.upstream.UpstreamHttp.PROXY_ACCEPT;
import static io.github.nexuspypi.it.upstream.UpstreamHttp.get;
import static io.github.nexuspypi.it.upstream.UpstreamHttp.parse;
import static io.github.nexuspypi.it.upstream.UpstreamHttp.send;
import static io.github.nexuspypi.it.upstream.UpstreamHttp.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every fault of the fake index, switched on and off, as a client meets it; and what the request log records. */
class FakeIndexFaultTest
{
  /** Far longer than any client here waits, so that a test never depends on how fast the machine is. */
  private static final Duration LONG = Duration.ofSeconds(20);

  private final WheelBuilder wheel = WheelBuilder.of("tiny", "1.0");

  private FakeIndex upstream;

  private FakeFile file;

  private URI page;

  @BeforeEach
  void start() {
    upstream = FakeIndex.start();
    file = upstream.project("tiny").file(wheel.fileName(), wheel.toBytes());
    upstream.project("other").file("other-1.0.tar.gz", "not really a tarball".getBytes(StandardCharsets.UTF_8));
    page = upstream.uri().resolve(upstream.project("tiny").path());
  }

  @AfterEach
  void stop() {
    upstream.close();
  }

  @Test
  void aStatusOnOnePathLeavesTheOthersAndThePathWinsOverTheHost() throws Exception {
    upstream.indexHost().at(page.getPath()).status(503);

    assertEquals(503, get(page).statusCode());
    assertEquals(200, get(upstream.uri().resolve("/simple/other/")).statusCode());
    assertEquals(200, get(file.uri()).statusCode(), "the files host has faults of its own");

    upstream.indexHost().everywhere().status(500);
    assertEquals(503, get(page).statusCode());
    assertEquals(500, get(upstream.simpleUri()).statusCode());

    upstream.indexHost().clearFaults();
    assertEquals(200, get(page).statusCode());
  }

  @Test
  void a401StatusChallengesAndBasicAuthAdmitsOnlyItsCredentials() throws Exception {
    upstream.filesHost().at(file.path()).status(401);
    HttpResponse<byte[]> challenged = get(file.uri());
    assertEquals(401, challenged.statusCode());
    assertEquals("Basic realm=\"fake-index\"", challenged.headers().firstValue("WWW-Authenticate").orElseThrow());
    upstream.filesHost().clearFaults();

    upstream.indexHost().basicAuth("proxy", "s3cret");

    HttpResponse<byte[]> anonymous = get(page);
    assertEquals(401, anonymous.statusCode());
    assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic "));
    assertEquals(401, get(page, "Authorization", basic("proxy", "wrong")).statusCode());
    assertEquals(200, get(page, "Authorization", basic("proxy", "s3cret")).statusCode());
    assertEquals(200, get(file.uri()).statusCode(), "the files host asks for nothing unless told");
    assertEquals(List.of(false, true, true), upstream.log().to(page.getPath()).stream()
        .map(LoggedRequest::authorization).toList());

    upstream.indexHost().withoutAuth();
    assertEquals(200, get(page).statusCode());
  }

  @Test
  void wrongSha256ServesOtherBytesOfTheSameLength() throws Exception {
    upstream.filesHost().at(file.path()).wrongSha256();
    upstream.filesHost().at(file.metadataPath()).wrongSha256();

    byte[] served = get(file.uri()).body();
    byte[] metadata = get(URI.create(file.uri() + ".metadata")).body();

    assertEquals(wheel.toBytes().length, served.length);
    assertNotEquals(file.sha256(), sha256(served));
    String announced = parse(get(page, "Accept", JSON)).files().get(0).coreMetadata().hashes().get("sha256");
    assertEquals(wheel.metadataBytes().length, metadata.length);
    assertNotEquals(announced, sha256(metadata));

    upstream.filesHost().clearFaults();
    assertEquals(file.sha256(), sha256(get(file.uri()).body()));
  }

  @ParameterizedTest
  @EnumSource(PageStyle.class)
  void malformedPagesAreRejectedByPypiCoresParsers(final PageStyle style) throws Exception {
    upstream.style(style);
    upstream.indexHost().at(page.getPath()).malformed();

    assertThrows(IndexFormatException.class, () -> parse(get(page, "Accept", JSON)));
    assertThrows(IndexFormatException.class, () -> parse(get(page, "Accept", HTML)));

    upstream.indexHost().at(page.getPath()).malformed(Malformation.FUTURE_API_VERSION);
    IndexFormatException future = assertThrows(IndexFormatException.class, () -> parse(get(page, "Accept", JSON)));
    assertTrue(future.getMessage().contains("2.0"), future::getMessage);

    upstream.indexHost().at(page.getPath()).malformed(Malformation.TRUNCATED);
    HttpResponse<byte[]> truncated = get(page, "Accept", HTML);
    assertTrue(new String(truncated.body(), StandardCharsets.UTF_8).indexOf("</html>") < 0, "cut before its end");
    assertEquals(String.valueOf(truncated.body().length), truncated.headers().firstValue("Content-Length")
        .orElseThrow(), "a short page, not a short read");

    upstream.indexHost().at(page.getPath()).clear();
    assertEquals(1, parse(get(page, "Accept", JSON)).files().size());
  }

  @Test
  void aRedirectLoopNeverRepeatsAUrlAndNeverEnds() throws Exception {
    upstream.indexHost().at(page.getPath()).redirectLoop();
    Set<URI> seen = new HashSet<>();
    URI next = page;

    for (int hop = 0; hop < 30; hop++) {
      HttpResponse<byte[]> response = get(next);
      assertEquals(302, response.statusCode());
      next = next.resolve(response.headers().firstValue("Location").orElseThrow());
      assertTrue(seen.add(next), next::toString);
      assertEquals(page.getPath(), next.getPath());
    }
  }

  @Test
  void aRedirectLeadsAnywhereEvenWhereNothingIsServed() throws Exception {
    URI elsewhere = URI.create("http://127.0.0.2:9/" + file.filename());
    upstream.filesHost().at(file.path()).redirectTo(elsewhere);
    upstream.indexHost().at("/nowhere").redirectTo(file.uri());

    HttpResponse<byte[]> redirected = get(file.uri());
    assertEquals(302, redirected.statusCode());
    assertEquals(elsewhere.toString(), redirected.headers().firstValue("Location").orElseThrow());
    assertEquals(file.uri().toString(),
        get(upstream.uri().resolve("/nowhere")).headers().firstValue("Location").orElseThrow());
  }

  @Test
  void aContentTypeFaultServesTheSameBytesAsAnotherType() throws Exception {
    upstream.filesHost().at(file.metadataPath()).contentType("text/html");

    HttpResponse<byte[]> metadata = get(upstream.filesHost().uri().resolve(file.metadataPath()));
    assertEquals("text/html", metadata.headers().firstValue("Content-Type").orElseThrow());
    assertArrayEquals(file.coreMetadata(), metadata.body());
    assertEquals("application/octet-stream", get(file.uri()).headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void aRawPageIsServedAsGivenWhateverTheAccept() throws Exception {
    upstream.rawPage(upstream.project("tiny").path(), "text/html", "<a href=\"x\">javascript:1</a>");
    upstream.rawPage("/simple/", "text/plain", "not a page");

    HttpResponse<byte[]> raw = get(page, "Accept", JSON);
    assertEquals("<a href=\"x\">javascript:1</a>", new String(raw.body(), StandardCharsets.UTF_8));
    assertEquals("text/html", raw.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("not a page", new String(get(upstream.simpleUri()).body(), StandardCharsets.UTF_8));
    assertArrayEquals(file.bytes(), get(file.uri()).body(), "files stay where they were");
  }

  @Test
  void slowHoldsTheHeadersBackAndTheFaultIsOnlyOnItsPath() throws Exception {
    upstream.indexHost().at(page.getPath()).slow(LONG);

    assertThrows(HttpTimeoutException.class, () -> send(page, HttpResponse.BodyHandlers.discarding(),
        Duration.ofMillis(300)));
    assertEquals(200, send(upstream.simpleUri(), HttpResponse.BodyHandlers.discarding(), Duration.ofSeconds(10))
        .statusCode());
  }

  @Test
  void aTrickledBodyComesChunkByChunkAndWhole() throws Exception {
    upstream.filesHost().at(file.path()).trickle(100, LONG);
    HttpResponse<InputStream> response = send(file.uri(), HttpResponse.BodyHandlers.ofInputStream(),
        Duration.ofSeconds(10));
    try (InputStream body = response.body()) {
      assertEquals(String.valueOf(wheel.toBytes().length), response.headers().firstValue("Content-Length")
          .orElseThrow());
      byte[] first = body.readNBytes(100);
      CompletableFuture<Integer> rest = CompletableFuture.supplyAsync(() -> readOne(body));
      assertThrows(TimeoutException.class, () -> rest.get(300, TimeUnit.MILLISECONDS));
      assertArrayEquals(Arrays.copyOf(wheel.toBytes(), 100), first);
    }

    upstream.filesHost().at(file.path()).trickle(1024, Duration.ofMillis(1));
    assertArrayEquals(wheel.toBytes(), get(file.uri()).body());
  }

  @Test
  void connectionResetComesAfterTheHeadersAndHalfTheBody() throws Exception {
    upstream.filesHost().at(file.path()).connectionReset();
    int length = wheel.toBytes().length;

    try (Socket socket = new Socket(file.uri().getHost(), file.uri().getPort())) {
      OutputStream request = socket.getOutputStream();
      request.write(("GET " + file.path() + " HTTP/1.1\r\nHost: " + file.uri().getAuthority() + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      request.flush();
      InputStream response = socket.getInputStream();
      List<String> head = head(response);
      assertEquals("HTTP/1.1 200 OK", head.get(0));
      assertTrue(head.contains("Content-Length: " + length), head::toString);
      byte[] half = response.readNBytes(length / 2);
      assertArrayEquals(Arrays.copyOf(wheel.toBytes(), length / 2), half);
      SocketException reset = assertThrows(SocketException.class, () -> response.read());
      assertTrue(reset.getMessage().contains("reset"), reset::getMessage);
    }

    upstream.filesHost().clearFaults();
    assertArrayEquals(wheel.toBytes(), get(file.uri()).body());
  }

  @Test
  void downRefusesConnectionsAndUpServesAgainAtTheSameAddress() throws Exception {
    URI before = upstream.filesHost().uri();

    upstream.filesHost().down();

    assertFalse(upstream.filesHost().isUp());
    assertThrows(ConnectException.class, () -> get(file.uri()));
    assertEquals(200, get(page).statusCode(), "the index host stays up");

    upstream.filesHost().up();
    assertEquals(before, upstream.filesHost().uri());
    assertArrayEquals(wheel.toBytes(), get(file.uri()).body());
  }

  @Test
  void theLogRecordsWhatEachHostWasAskedInOrder() throws Exception {
    upstream.log().clear();

    get(page, "Accept", PROXY_ACCEPT, "User-Agent", "Nexus/3.71.0-06 (OSS; Linux)");
    get(page, "Accept", HTML);
    get(file.uri());

    List<LoggedRequest> all = upstream.log().all();
    assertEquals(List.of(FakeHost.Role.INDEX, FakeHost.Role.INDEX, FakeHost.Role.FILES),
        all.stream().map(LoggedRequest::host).toList());
    LoggedRequest first = all.get(0);
    assertEquals("GET", first.method());
    assertEquals(page.getPath(), first.path());
    assertEquals(PROXY_ACCEPT, first.accept());
    assertEquals(SimpleFormat.JSON_V1, first.negotiatedFormat());
    assertEquals("Nexus/3.71.0-06 (OSS; Linux)", first.userAgent());
    assertFalse(first.authorization());
    assertEquals(SimpleFormat.TEXT_HTML, all.get(1).negotiatedFormat());
    assertEquals(1, upstream.log().to(file.path()).size());
  }

  private static int readOne(final InputStream body) {
    try {
      return body.read();
    }
    catch (IOException e) {
      return -2;
    }
  }

  /** The status line and header lines, read byte by byte so that nothing of the body is consumed. */
  private static List<String> head(final InputStream in) throws IOException {
    StringBuilder text = new StringBuilder();
    while (!text.toString().endsWith("\r\n\r\n")) {
      int next = in.read();
      if (next < 0) {
        throw new IOException("The head ended early: " + text);
      }
      text.append((char) next);
    }
    return List.of(text.toString().strip().split("\r\n"));
  }

  private static String basic(final String user, final String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
        .getBytes(StandardCharsets.UTF_8));
  }
}
