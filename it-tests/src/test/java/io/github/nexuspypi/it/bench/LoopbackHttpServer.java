package io.github.nexuspypi.it.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** The JDK's HTTP server on a free loopback port, answering fixed bodies: what the load generators' tests load. */
final class LoopbackHttpServer
    implements AutoCloseable
{
  private final HttpServer server;

  LoopbackHttpServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setExecutor(Executors.newFixedThreadPool(4));
      server.start();
    }
    catch (IOException e) {
      throw new IllegalStateException("Cannot start a server on the loopback interface", e);
    }
  }

  void serve(final String path, final int status, final byte[] body) {
    handle(path, exchange -> {
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
  }

  void handle(final String path, final HttpHandler handler) {
    server.createContext(path, handler);
  }

  HttpRequest get(final String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path)).build();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
