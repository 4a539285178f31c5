package io.github.nexuspypi.jenkins.publish;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Test connection" against a loopback server that answers as Warehouse's upload host does (a {@code /legacy/}
 * endpoint and no {@code simple/} below it), or as a plain HTTP proxy that records what it was asked.
 */
class ConnectionCheckTest
{
  private final List<String> asked = new CopyOnWriteArrayList<>();

  private HttpServer server;

  @BeforeEach
  void aServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      asked.add(exchange.getRequestURI().toString());
      boolean upload = exchange.getRequestURI().getPath().endsWith("/legacy/");
      exchange.sendResponseHeaders(upload ? 405 : 404, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void anUploadEndpointWithoutAnIndexIsOnlyReached() throws Exception {
    String endpoint = base() + "legacy/";

    String answer = new ConnectionCheck(PublishSettings.to(endpoint).build()).run();

    assertTrue(answer.startsWith("Reached " + endpoint + " (HTTP 405)") && answer.contains("first upload"), answer);
    assertEquals(List.of("/legacy/"), asked, "no index is asked for");
  }

  @Test
  void anUnansweredIndexIsStillA404WithAdvice() {
    PublishException failed = assertThrows(PublishException.class,
        () -> new ConnectionCheck(PublishSettings.to(base() + "repository/none/").build()).run());

    assertTrue(failed.getMessage().startsWith("404 from " + base() + "repository/none/simple/"), failed.getMessage());
  }

  @Test
  void theHostsClientSettingsApplySuchAsItsProxy() throws Exception {
    // pypi.invalid never resolves: only a request sent to the proxy can be answered.
    HttpClient.Builder throughProxy = HttpClient.newBuilder()
        .proxy(ProxySelector.of((InetSocketAddress) server.getAddress()));

    String answer = new ConnectionCheck(PublishSettings.to("http://upload.pypi.invalid/legacy/").build(),
        throughProxy).run();

    assertTrue(answer.startsWith("Reached http://upload.pypi.invalid/legacy/"), answer);
    assertEquals(List.of("http://upload.pypi.invalid/legacy/"), asked);
  }

  @Test
  void onlyWarehouseStyleUploadPathsCountAsUploadOnly() {
    assertTrue(ConnectionCheck.isUploadOnly(URI.create("https://upload.pypi.org/legacy/")));
    assertTrue(ConnectionCheck.isUploadOnly(URI.create("https://test.pypi.org/legacy/")));
    assertFalse(ConnectionCheck.isUploadOnly(URI.create("https://nexus/repository/pypi-hosted/")));
    assertFalse(ConnectionCheck.isUploadOnly(URI.create("https://nexus/repository/legacy-hosted/")));
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }
}
