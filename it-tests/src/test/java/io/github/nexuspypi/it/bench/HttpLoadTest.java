package io.github.nexuspypi.it.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpLoadTest
{
  private static final Duration WINDOW = Duration.ofMillis(300);

  private final HttpServer server = start();

  @AfterEach
  void stop() {
    server.stop(0);
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
    server.createContext("/slow", exchange -> {
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
    server.createContext("/unchanged", exchange -> {
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
    try (ServerSocket dropsInRuns = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> answerInRuns(dropsInRuns));
      acceptor.start();
      HttpRequest request = HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + dropsInRuns.getLocalPort() + "/file")).build();

      LoadResult result = HttpLoad.countingDroppedConnections(ProcessHandle.current())
          .run(request, 200, 10, 1, WINDOW, WINDOW);

      assertTrue(result.requests() > 0 && result.dropped() > 0, result::toString);
      assertThrows(AssertionError.class,
          () -> new HttpLoad(ProcessHandle.current()).run(request, 10, 1, WINDOW, WINDOW));
    }
  }

  /**
   * Answers ten connections (and closes them), then closes the next ten as soon as their requests have arrived,
   * and so on: more drops in a row than the JDK's client retries a GET by itself before it gives up.
   */
  private static void answerInRuns(final ServerSocket server) {
    for (int connection = 0; !server.isClosed(); connection++) {
      try (Socket socket = server.accept()) {
        BufferedReader request = new BufferedReader(new InputStreamReader(socket.getInputStream(),
            StandardCharsets.ISO_8859_1));
        for (String line = request.readLine(); line != null && !line.isEmpty(); line = request.readLine()) {
          // The request's headers: read, not needed.
        }
        if (connection / 10 % 2 == 0) {
          OutputStream out = socket.getOutputStream();
          out.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\nConnection: close\r\n\r\n0123456789"
              .getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
        }
      }
      catch (IOException closed) {
        // The test closed the server socket, or the client went away: nothing to answer.
      }
    }
  }

  private void serve(final String path, final int status, final byte[] body) {
    server.createContext(path, exchange -> {
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
  }

  private HttpRequest get(final String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path)).build();
  }

  private static HttpServer start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setExecutor(Executors.newFixedThreadPool(4));
      server.start();
      return server;
    }
    catch (IOException e) {
      throw new IllegalStateException("Cannot start a server on the loopback interface", e);
    }
  }
}
