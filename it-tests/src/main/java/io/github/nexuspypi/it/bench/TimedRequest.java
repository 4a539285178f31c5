package io.github.nexuspypi.it.bench;

import io.github.nexuspypi.it.nexus.NexusHttp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One request, timed alone: from sending it to reading the last byte of its answer (counted and dropped), with the
 * CPU time the server process spent meanwhile, read from the operating system before and after. What a page costs
 * when it is asked for the first time after a change, which a load of many requests cannot show.
 */
public record TimedRequest(int status, long bytes, Duration wall, Duration serverCpu, HttpHeaders headers)
{
  public static TimedRequest send(final NexusHttp http, final ProcessHandle server, final HttpRequest request) {
    Duration cpuBefore = ProcessCpu.of(server);
    long started = System.nanoTime();
    HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    long bytes;
    try (InputStream body = response.body()) {
      bytes = body.transferTo(OutputStream.nullOutputStream());
    }
    catch (IOException e) {
      throw new UncheckedIOException("Reading the answer to " + request.uri(), e);
    }
    Duration wall = Duration.ofNanos(System.nanoTime() - started);
    return new TimedRequest(response.statusCode(), bytes, wall, ProcessCpu.of(server).minus(cpuBefore),
        response.headers());
  }

  public double wallMillis() {
    return wall.toNanos() / 1e6;
  }

  public double serverCpuMillis() {
    return serverCpu.toNanos() / 1e6;
  }

  /** This request, which must have answered {@code expected}. */
  public TimedRequest requireStatus(final int expected, final HttpRequest request) {
    if (status != expected) {
      throw new AssertionError(request.method() + " " + request.uri() + " answered " + status + ", expected "
          + expected);
    }
    return this;
  }
}
