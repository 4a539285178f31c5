package io.github.nexuspypi.it.bench;

import io.github.nexuspypi.it.nexus.NexusHttp;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two requests for the same bytes, one against the other: each side is first checked to answer exactly those bytes
 * and warmed up, then both are measured in alternating rounds at each of the settings' connection counts.
 */
public final class SameBytesComparisons
{
  private final NexusHttp http;

  private final LoadGenerator load;

  private final BenchmarkSettings settings;

  /** {@code http} sends the checking requests; {@code load} measures. */
  public SameBytesComparisons(final NexusHttp http, final LoadGenerator load, final BenchmarkSettings settings)
  {
    this.http = http;
    this.load = load;
    this.settings = settings;
  }

  /** A GET with an {@code Accept} header, as both sides of a comparison are asked. */
  public static HttpRequest get(final URI uri, final String accept) {
    return HttpRequest.newBuilder(uri).header("Accept", accept).timeout(Duration.ofMinutes(1)).GET().build();
  }

  /** One comparison per connection count; fails when either side answers anything but 200 with {@code bytes}. */
  public List<Comparison> measure(final String scenario, final HttpRequest candidate, final HttpRequest baseline,
                                  final byte[] bytes)
  {
    for (HttpRequest request : List.of(candidate, baseline)) {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, response.statusCode(), request::toString);
      assertArrayEquals(bytes, response.body(), () -> request + " serves other bytes");
      // Compiles the code paths of this request on both sides before any round counts.
      load.run(request, 200, bytes.length, 1, settings.warmUp(), settings.warmUp());
    }
    List<Comparison> comparisons = new ArrayList<>();
    for (int connections : settings.connections()) {
      comparisons.add(Comparison.measure(scenario, connections, settings.rounds(),
          () -> load.run(candidate, 200, bytes.length, connections, settings.warmUp(), settings.measured()),
          () -> load.run(baseline, 200, bytes.length, connections, settings.warmUp(), settings.measured())));
    }
    return comparisons;
  }
}
