package io.github.nexuspypi.jenkins;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A repository on a loopback port that takes every upload to its root, as a Nexus hosted repository does, and
 * has no index pages: what a Jenkins test needs to see what a build sent, and with which credentials. Uploads
 * into a real Nexus are it-tests' PublisherIT.
 */
final class FakePypiRepository
    implements AutoCloseable
{
  private static final Pattern CONTENT_FILENAME = Pattern.compile("name=\"content\"; filename=\"([^\"]+)\"");

  private final HttpServer server;

  private final List<String> uploaded = new CopyOnWriteArrayList<>();

  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  private FakePypiRepository(final HttpServer server) {
    this.server = server;
  }

  static FakePypiRepository start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    FakePypiRepository repository = new FakePypiRepository(server);
    server.createContext("/", repository::answer);
    server.start();
    return repository;
  }

  /** The upload URL, e.g. {@code http://127.0.0.1:40000/repository/pypi-hosted/}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/repository/pypi-hosted/";
  }

  /** The file names of the uploads received, in order. */
  List<String> uploaded() {
    return uploaded;
  }

  /** The {@code Authorization} header of each upload, in order. */
  List<String> authorizations() {
    return authorizations;
  }

  private void answer(final HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())
          || !exchange.getRequestURI().getPath().equals("/repository/pypi-hosted/")) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      // The file's bytes are not text, but ISO-8859-1 maps every byte to one char and the headers are ASCII.
      Matcher file = CONTENT_FILENAME.matcher(new String(body, StandardCharsets.ISO_8859_1));
      uploaded.add(file.find() ? file.group(1) : "(no content part)");
      authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
      exchange.sendResponseHeaders(200, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
