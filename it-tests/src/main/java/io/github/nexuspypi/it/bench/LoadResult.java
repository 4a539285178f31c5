package io.github.nexuspypi.it.bench;

import java.time.Duration;

/**
 * What one measured window of {@link HttpLoad} achieved: completed requests and body bytes, the CPU time the
 * server process and this (client) process spent meanwhile, and the median and 99th percentile of the requests'
 * latencies (each from sending the request to reading the last byte of its answer), and how many requests the
 * server dropped (closed or reset the connection without an answer) where such requests are counted, not failed.
 */
public record LoadResult(long requests, long bytes, Duration elapsed, Duration serverCpu, Duration clientCpu,
                         Duration p50, Duration p99, long dropped)
{
  private static final double MEBIBYTE = 1024.0 * 1024.0;

  public double requestsPerSecond() {
    return requests / seconds(elapsed);
  }

  public double mebibytesPerSecond() {
    return bytes / MEBIBYTE / seconds(elapsed);
  }

  public double serverCpuMillisPerRequest() {
    return requests == 0 ? Double.NaN : serverCpu.toNanos() / 1e6 / requests;
  }

  /** Cores' worth of CPU the load generator used: near the machine's core count, it is what limits the rate. */
  public double clientCores() {
    return seconds(clientCpu) / seconds(elapsed);
  }

  private static double seconds(final Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
