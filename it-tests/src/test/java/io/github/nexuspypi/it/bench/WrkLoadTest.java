package io.github.nexuspypi.it.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WrkLoadTest
{
  private static final Duration WINDOW = Duration.ofSeconds(1);

  private final LoopbackHttpServer server = new LoopbackHttpServer();

  @TempDir
  Path work;

  @BeforeAll
  static void wrkIsInstalled() {
    WrkLoad.requireWrk();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void countsCompletedRequestsTheirBytesAndLatencies() {
    server.serve("/page", 200, new byte[1000]);

    LoadResult result = load().run(server.get("/page"), 200, 1000, 2, Duration.ZERO, WINDOW);

    assertTrue(result.requests() > 0, result::toString);
    assertEquals(1000 * result.requests(), result.bytes());
    assertTrue(result.p99().compareTo(result.p50()) >= 0 && !result.p50().isZero(), result::toString);
    assertTrue(result.elapsed().compareTo(Duration.ofMillis(900)) >= 0, result::toString);
  }

  @Test
  void aSmallBodyOfAnotherLengthFailsTheRun() {
    server.serve("/short", 200, new byte[999]);

    AssertionError failure = assertThrows(AssertionError.class,
        () -> load().run(server.get("/short"), 200, 1000, 2, Duration.ZERO, WINDOW));

    assertTrue(failure.getMessage().contains("were not 200 with 1000 bytes"), failure::getMessage);
  }

  @Test
  void anotherStatusFailsTheRun() {
    server.serve("/missing", 404, new byte[1000]);

    AssertionError failure = assertThrows(AssertionError.class,
        () -> load().run(server.get("/missing"), 200, 1000, 1, Duration.ZERO, WINDOW));

    assertTrue(failure.getMessage().contains("were not 200"), failure::getMessage);
  }

  @Test
  void anExpectedStatusOtherThan200IsWhatEveryAnswerMustHave() {
    server.handle("/unchanged", exchange -> {
      exchange.sendResponseHeaders(304, -1);
      exchange.close();
    });

    assertTrue(load().run(server.get("/unchanged"), 304, 0, 1, Duration.ZERO, WINDOW).requests() > 0);
    assertThrows(AssertionError.class,
        () -> load().run(server.get("/unchanged"), 200, 0, 1, Duration.ZERO, WINDOW));
  }

  /** Large bodies are not handed to wrk's script: the window's byte count must still match them. */
  @Test
  void aLargeBodyIsCheckedByTheBytesOfTheWindow() {
    server.serve("/wheel", 200, new byte[400_000]);
    server.serve("/cut", 200, new byte[300_000]);
    server.serve("/other", 200, new byte[500_000]);

    LoadResult whole = load().run(server.get("/wheel"), 200, 400_000, 2, Duration.ZERO, WINDOW);
    AssertionError cut = assertThrows(AssertionError.class,
        () -> load().run(server.get("/cut"), 200, 400_000, 2, Duration.ZERO, WINDOW));

    AssertionError other = assertThrows(AssertionError.class,
        () -> load().run(server.get("/other"), 200, 400_000, 2, Duration.ZERO, WINDOW));

    assertTrue(whole.requests() > 0, whole::toString);
    assertTrue(other.getMessage().contains("expected bodies of 400000 bytes"), other::getMessage);
    assertTrue(cut.getMessage().contains("expected bodies of 400000 bytes"), cut::getMessage);
  }

  @Test
  void theRequestsHeadersAreSent() {
    server.handle("/range", exchange -> {
      boolean ranged = "bytes=0-9".equals(exchange.getRequestHeaders().getFirst("Range"));
      exchange.sendResponseHeaders(ranged ? 206 : 200, 10);
      exchange.getResponseBody().write(new byte[10]);
      exchange.close();
    });
    HttpRequest ranged = HttpRequest.newBuilder(server.get("/range").uri()).header("Range", "bytes=0-9").build();

    assertTrue(load().run(ranged, 206, 10, 1, Duration.ZERO, WINDOW).requests() > 0);
  }

  @Test
  void aLoadCountingDroppedConnectionsCountsThemAndAStrictOneFails() throws IOException {
    try (DroppingServer drops = new DroppingServer()) {
      LoadResult result = WrkLoad.countingDroppedConnections(ProcessHandle.current(), work)
          .run(drops.request(), 200, 10, 1, Duration.ZERO, WINDOW);

      assertTrue(result.requests() > 0 && result.dropped() > 0, result::toString);
      AssertionError strict = assertThrows(AssertionError.class,
          () -> load().run(drops.request(), 200, 10, 1, Duration.ZERO, WINDOW));
      assertTrue(strict.getMessage().contains("closed or reset without an answer"), strict::getMessage);
    }
  }

  @Test
  void readsWrksTotalsAndItsCpuTimeFromBashTimes() {
    WrkLoad.Window window = WrkLoad.Window.parse("Running 1s test @ http://x/\n  2 threads and 8 connections\n"
        + "RESULT requests=1200 bytes=2400000 micros=1001234 p50=812 p99=9100 wrong=0 connect=0 read=3 write=1"
        + " timeout=2\n0m0.002s 0m0.001s\n0m0.310s 0m0.450s\n");

    assertEquals(1200, window.requests());
    assertEquals(2_400_000, window.bytes());
    assertEquals(Duration.ofNanos(1_001_234_000), window.elapsed());
    assertEquals(Duration.ofNanos(812_000), window.p50());
    assertEquals(Duration.ofNanos(9_100_000), window.p99());
    assertEquals(6, window.socketErrors());
    assertEquals(Duration.ofMillis(760), window.clientCpu());
  }

  private WrkLoad load() {
    return WrkLoad.of(ProcessHandle.current(), work);
  }
}
