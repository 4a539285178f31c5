package io.github.nexuspypi.it.bench;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpLoadTest
{
  private static final Duration WINDOW = Duration.ofMillis(300);

  private final LoopbackHttpServer server = new LoopbackHttpServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void countsCompletedRequestsAndTheirBytes() {
    serve("/file", 200, new byte[1000]);

    LoadResult result = new HttpLoad(ProcessHandle.current()).run(get("/file"), 1000, 2, WINDOW, WINDOW);

    assertTrue(result.requests() > 0, result::toString);
    assertEquals(1000 * result.requests(), result.bytes());
  }

  @Test
  void aBodyOfAnotherLengthFailsTheRun() {
    serve("/short", 200, new byte[999]);

    AssertionError failure = assertThrows(AssertionError.class,
        () -> new HttpLoad(ProcessHandle.current()).run(get("/short"), 1000, 2, WINDOW, WINDOW));

    assertTrue(failure.getMessage().contains("status 200 with 999 bytes, expected 200 with 1000"),
        failure::getMessage);
  }

  @Test
  void anotherStatusFailsTheRun() {
    serve("/missing", 404, new byte[1000]);

    AssertionError failure = assertThrows(AssertionError.class,
        () -> new HttpLoad(ProcessHandle.current()).run(get("/missing"), 1000, 1, WINDOW, WINDOW));

    assertTrue(failure.getMessage().contains("status 404"), failure::getMessage);
  }

  @Test
  void theLatenciesOfAServerThatWaitsBeforeAnsweringAreAtLeastItsWait() {
    server.handle("/slow", exchange -> {
      try {
        Thread.sleep(20);
      }
      catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.sendResponseHeaders(200, 10);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(new byte[10]);
      }
    });

    LoadResult result = new HttpLoad(ProcessHandle.current()).run(get("/slow"), 10, 2, WINDOW, WINDOW);

    assertTrue(result.p50().compareTo(Duration.ofMillis(20)) >= 0, result::toString);
    assertTrue(result.p99().compareTo(result.p50()) >= 0, result::toString);
  }

  @Test
  void anExpectedStatusOtherThan200IsWhatEveryAnswerMustHave() {
    server.handle("/unchanged", exchange -> {
      exchange.sendResponseHeaders(304, -1);
      exchange.close();
    });

    LoadResult result = new HttpLoad(ProcessHandle.current()).run(get("/unchanged"), 304, 0, 1, WINDOW, WINDOW);

    assertTrue(result.requests() > 0, result::toString);
    AssertionError failure = assertThrows(AssertionError.class,
        () -> new HttpLoad(ProcessHandle.current()).run(get("/unchanged"), 0, 1, WINDOW, WINDOW));
    assertTrue(failure.getMessage().contains("status 304 with 0 bytes, expected 200 with 0"), failure::getMessage);
  }

  @Test
  void aLoadCountingDroppedConnectionsSendsTheRequestAgainAndAStrictOneFails() throws IOException {
    try (DroppingServer drops = new DroppingServer()) {
      LoadResult result = HttpLoad.countingDroppedConnections(ProcessHandle.current())
          .run(drops.request(), 200, 10, 1, WINDOW, WINDOW);

      assertTrue(result.requests() > 0 && result.dropped() > 0, result::toString);
      assertThrows(AssertionError.class,
          () -> new HttpLoad(ProcessHandle.current()).run(drops.request(), 10, 1, WINDOW, WINDOW));
    }
  }

  private void serve(final String path, final int status, final byte[] body) {
    server.serve(path, status, body);
  }

  private HttpRequest get(final String path) {
    return server.get(path);
  }
}
