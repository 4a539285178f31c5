package io.github.nexuspypi.it.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Request latencies counted in a fixed array of buckets, so that percentiles of millions of requests take a few
 * KiB: microseconds below 64 are exact, above that each power of two is split into 64 buckets, so a bucket is at
 * most 1/64 (1.6 %) wider than its lower bound. Latencies beyond about two hours go into the last bucket. Safe
 * for concurrent recording.
 */
public final class LatencyHistogram
{
  private static final int SUB_BUCKETS = 64;

  private static final int SUB_BUCKET_BITS = 6;

  // Powers of two from 2^6 to 2^32 microseconds, after the 64 exact ones.
  private static final int BUCKETS = SUB_BUCKETS + (32 - SUB_BUCKET_BITS + 1) * SUB_BUCKETS;

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

  public void record(final Duration latency) {
    counts.incrementAndGet(indexOf(Math.max(0, latency.toNanos() / 1000)));
  }

  public long count() {
    long total = 0;
    for (int i = 0; i < BUCKETS; i++) {
      total += counts.get(i);
    }
    return total;
  }

  /**
   * The latency that {@code percentile} per cent of the recorded requests did not exceed, as the upper bound of its
   * bucket (so never below the true value); zero when nothing was recorded.
   */
  public Duration percentile(final double percentile) {
    if (percentile <= 0 || percentile > 100) {
      throw new IllegalArgumentException("A percentile is in (0, 100]: " + percentile);
    }
    long total = count();
    if (total == 0) {
      return Duration.ZERO;
    }
    long rank = (long) Math.ceil(percentile / 100 * total);
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts.get(i);
      if (seen >= rank) {
        return Duration.ofNanos(upperBoundOf(i) * 1000);
      }
    }
    return Duration.ofNanos(upperBoundOf(BUCKETS - 1) * 1000);
  }

  static int indexOf(final long micros) {
    if (micros < SUB_BUCKETS) {
      return (int) micros;
    }
    int shift = 63 - Long.numberOfLeadingZeros(micros) - SUB_BUCKET_BITS;
    int index = SUB_BUCKETS + shift * SUB_BUCKETS + (int) ((micros >>> shift) - SUB_BUCKETS);
    return Math.min(index, BUCKETS - 1);
  }

  /** The largest latency in microseconds that falls into bucket {@code index}. */
  static long upperBoundOf(final int index) {
    if (index < SUB_BUCKETS) {
      return index;
    }
    int shift = (index - SUB_BUCKETS) / SUB_BUCKETS;
    long lowest = (long) (SUB_BUCKETS + (index - SUB_BUCKETS) % SUB_BUCKETS) << shift;
    return lowest + (1L << shift) - 1;
  }
}
