package io.github.nexuspypi.it.bench;

import io.github.nexuspypi.it.nexus.NexusHttp;

import java.net.http.HttpRequest;
import java.util.Optional;

/**
 * What a page of a repository costs Nexus: the first request after a change, timed alone ({@link TimedRequest}),
 * and cache hits under a closed-loop load ({@link HttpLoad}), plain and conditional (pip revalidates a page it
 * keeps with {@code If-Modified-Since}, which Nexus answers 304 without a body).
 */
public final class PageProbe
{
  private final NexusHttp http;

  private final ProcessHandle server;

  private final BenchmarkSettings settings;

  private final int connections;

  private final HttpLoad load;

  public PageProbe(final NexusHttp http, final ProcessHandle server, final BenchmarkSettings settings,
                   final int connections)
  {
    this.http = http;
    this.server = server;
    this.settings = settings;
    this.connections = connections;
    this.load = new HttpLoad(server);
  }

  public int connections() {
    return connections;
  }

  /** One GET of {@code path} (below Nexus's base) in {@code mediaType}, which must answer 200. */
  public TimedRequest once(final String path, final String mediaType) {
    HttpRequest request = get(path, mediaType).build();
    return TimedRequest.send(http, server, request).requireStatus(200, request);
  }

  /** The page under load once it is cached; every answer must have the length of a first read. */
  public LoadResult cached(final String path, final String mediaType) {
    long length = once(path, mediaType).bytes();
    return load.run(get(path, mediaType).build(), 200, length, connections, settings.warmUp(), settings.measured());
  }

  /**
   * The page under load as a client that holds it asks again, with the {@code Last-Modified} it was sent; empty
   * when the page has no {@code Last-Modified} or does not answer such a request 304.
   */
  public Optional<LoadResult> conditional(final String path, final String mediaType) {
    Optional<String> lastModified = once(path, mediaType).headers().firstValue("Last-Modified");
    if (lastModified.isEmpty()) {
      return Optional.empty();
    }
    HttpRequest request = get(path, mediaType).header("If-Modified-Since", lastModified.get()).build();
    if (TimedRequest.send(http, server, request).status() != 304) {
      return Optional.empty();
    }
    return Optional.of(load.run(request, 304, 0, connections, settings.warmUp(), settings.measured()));
  }

  private HttpRequest.Builder get(final String path, final String mediaType) {
    return http.request(path).header("Accept", mediaType).GET();
  }
}
