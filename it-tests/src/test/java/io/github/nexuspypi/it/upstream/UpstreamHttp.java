package io.github.nexuspypi.it.upstream;

import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.core.index.SimplePages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/** The fake index asked as a client asks it: the JDK's HTTP client, redirects not followed, pypi-core's parsers. */
final class UpstreamHttp
{
  /** What the proxy sends upstream (docs/design.md, "Proxy"). */
  static final String PROXY_ACCEPT = "application/vnd.pypi.simple.v1+json, text/html;q=0.1";

  static final String JSON = SimpleFormat.JSON_V1.mediaType();

  static final String HTML = SimpleFormat.TEXT_HTML.mediaType();

  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  private UpstreamHttp() {
  }

  static HttpResponse<byte[]> get(final URI uri, final String... headers) throws IOException {
    return send(uri, HttpResponse.BodyHandlers.ofByteArray(), Duration.ofSeconds(30), headers);
  }

  /** {@code timeout} is for the response's headers; the body may take longer. */
  static <T> HttpResponse<T> send(final URI uri, final BodyHandler<T> body, final Duration timeout,
                                  final String... headers) throws IOException
  {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return CLIENT.send(request.build(), body);
    }
    catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while asking " + uri, e);
    }
  }

  /** The page as pypi-core reads a body of the type it came with. */
  static ProjectPage parse(final HttpResponse<byte[]> page) throws IOException {
    return SimplePages.parseProject(new ByteArrayInputStream(page.body()),
        page.headers().firstValue("Content-Type").orElseThrow(), page.uri());
  }

  static String sha256(final byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
    catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }

  static String text(final HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }
}
