package io.github.nexuspypi.it.nexus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP to one Nexus, as one user or anonymously. Redirects are not followed, so that tests see them. Requests
 * fail unchecked: tests treat an unreachable Nexus as a failure, not as something to handle.
 */
public final class NexusHttp
{
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();

  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

  private final URI baseUri;

  private final Optional<String> authorization;

  private NexusHttp(final URI baseUri, final Optional<String> authorization) {
    this.baseUri = baseUri.toString().endsWith("/") ? baseUri : URI.create(baseUri + "/");
    this.authorization = authorization;
  }

  public static NexusHttp anonymous(final URI baseUri) {
    return new NexusHttp(baseUri, Optional.empty());
  }

  public NexusHttp as(final String user, final String password) {
    String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new NexusHttp(baseUri, Optional.of("Basic " + token));
  }

  public URI baseUri() {
    return baseUri;
  }

  /** The {@code Authorization} header this client sends, if any, for callers that speak HTTP by other means. */
  public Optional<String> authorization() {
    return authorization;
  }

  /** A path relative to the base, e.g. {@code repository/raw/simple/} or {@code /service/rest/v1/status}. */
  public URI resolve(final String path) {
    return baseUri.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  /** A request to the path with this client's credentials, for callers that need their own headers. */
  public HttpRequest.Builder request(final String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(resolve(path)).timeout(REQUEST_TIMEOUT);
    authorization.ifPresent(value -> builder.header("Authorization", value));
    return builder;
  }

  public <T> HttpResponse<T> send(final HttpRequest request, final BodyHandler<T> handler) {
    try {
      return CLIENT.send(request, handler);
    }
    catch (IOException e) {
      throw new UncheckedIOException(describe(request) + " failed: " + e, e);
    }
    catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted during " + describe(request), e);
    }
  }

  public HttpResponse<String> get(final String path) {
    return send(request(path).GET().build(), BodyHandlers.ofString());
  }

  public HttpResponse<byte[]> getBytes(final String path) {
    return send(request(path).GET().build(), BodyHandlers.ofByteArray());
  }

  public HttpResponse<String> put(final String path, final Path file) {
    try {
      return send(request(path).PUT(BodyPublishers.ofFile(file)).build(), BodyHandlers.ofString());
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  public HttpResponse<String> put(final String path, final byte[] content) {
    return send(request(path).PUT(BodyPublishers.ofByteArray(content)).build(), BodyHandlers.ofString());
  }

  public HttpResponse<String> delete(final String path) {
    return send(request(path).DELETE().build(), BodyHandlers.ofString());
  }

  /** A request with a JSON body, or none when {@code json} is null: the shape of the REST API. */
  public HttpResponse<String> json(final String method, final String path, final String json) {
    BodyPublisher body = json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json);
    HttpRequest request = request(path).method(method, body)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .build();
    return send(request, BodyHandlers.ofString());
  }

  /** The response if its status is one of those expected, else a {@link NexusApiException} with the body. */
  public static HttpResponse<String> expect(final HttpResponse<String> response, final int... statuses) {
    if (Arrays.stream(statuses).noneMatch(status -> status == response.statusCode())) {
      throw new NexusApiException(describe(response.request()), response.statusCode(), response.body());
    }
    return response;
  }

  private static String describe(final HttpRequest request) {
    return request.method() + " " + request.uri();
  }
}
