package io.github.nexuspypi.it.nexus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.OptionalLong;

/**
 * A GET as a client sees it when the answer may break off mid-body: the status, the length the headers promised, the
 * bytes that came, and how the body ended if not whole. A proxy that refuses a file it is already streaming can only
 * cut the connection; a client tells that from a whole file by the missing bytes.
 *
 * @param failure what the body's read threw, {@code null} when it ended normally
 */
public record Download(int status, OptionalLong contentLength, byte[] body, IOException failure)
{
  /** Reads {@code url} (absolute, or relative to Nexus's base) to its end or to the break. */
  public static Download of(final NexusHttp http, final URI url) {
    return of(http, url, () -> { });
  }

  /**
   * As {@link #of(NexusHttp, URI)}, running {@code midway} once the first byte of the body has come (or at once if
   * the body is empty), e.g. to take a server behind Nexus away in the middle of the transfer.
   */
  public static Download of(final NexusHttp http, final URI url, final Runnable midway) {
    HttpResponse<InputStream> response = http.send(http.request(url.toString()).GET().build(),
        BodyHandlers.ofInputStream());
    OptionalLong length = response.headers().firstValueAsLong("Content-Length");
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    IOException failure = null;
    try (InputStream in = response.body()) {
      int first = in.read();
      midway.run();
      if (first != -1) {
        received.write(first);
        in.transferTo(received);
      }
    }
    catch (IOException e) {
      failure = e;
    }
    return new Download(response.statusCode(), length, received.toByteArray(), failure);
  }

  /** A 200 whose body came to its end, as long as the headers said. */
  public boolean isWhole() {
    return status == 200 && failure == null
        && (contentLength.isEmpty() || contentLength.getAsLong() == body.length);
  }

  public String describe() {
    return "status " + status + ", Content-Length " + (contentLength.isPresent() ? contentLength.getAsLong() : "none")
        + ", " + body.length + " bytes received" + (failure == null ? "" : ", then " + failure);
  }
}
