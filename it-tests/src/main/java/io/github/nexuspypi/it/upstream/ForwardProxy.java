package io.github.nexuspypi.it.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An outbound HTTP proxy, as a company puts between Nexus and the internet: it takes requests in absolute form
 * ({@code GET http://host/path}), forwards them, and remembers every URL it was asked for. Plain HTTP only.
 */
public final class ForwardProxy
    implements AutoCloseable
{
  // Hop-by-hop headers (RFC 9110 §7.6.1) and those the JDK's client sets itself.
  private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
      "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect");

  private final HttpServer server;

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  private final List<URI> forwarded = new CopyOnWriteArrayList<>();

  private ForwardProxy(final HttpServer server) {
    this.server = server;
  }

  public static ForwardProxy start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      ForwardProxy proxy = new ForwardProxy(server);
      server.createContext("/", proxy::forward);
      server.setExecutor(Executors.newCachedThreadPool());
      server.start();
      return proxy;
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot start the forward proxy", e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The absolute URLs forwarded, in order. */
  public List<URI> forwarded() {
    return List.copyOf(forwarded);
  }

  private void forward(final HttpExchange exchange) throws IOException {
    URI target = exchange.getRequestURI();
    try (exchange) {
      if (!target.isAbsolute()) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      forwarded.add(target);
      HttpRequest.Builder request = HttpRequest.newBuilder(target).method(exchange.getRequestMethod(),
          HttpRequest.BodyPublishers.noBody());
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!NOT_FORWARDED.contains(name.toLowerCase())) {
          values.forEach(value -> request.header(name, value));
        }
      });
      HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      response.headers().map().forEach((name, values) -> {
        if (!NOT_FORWARDED.contains(name.toLowerCase())) {
          exchange.getResponseHeaders().put(name, values);
        }
      });
      long length = response.headers().firstValueAsLong("Content-Length").orElse(0);
      boolean noBody = "HEAD".equals(exchange.getRequestMethod()) || response.statusCode() == 304;
      exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : length);
      try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
        in.transferTo(out);
      }
    }
    catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while forwarding " + target, e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
