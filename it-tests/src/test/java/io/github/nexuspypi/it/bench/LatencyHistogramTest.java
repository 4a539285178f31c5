package io.github.nexuspypi.it.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyHistogramTest
{
  @Test
  void percentilesOfOneToAHundredMillisecondsAreWithinABucketOfTheTrueValue() {
    LatencyHistogram histogram = new LatencyHistogram();
    IntStream.rangeClosed(1, 100).forEach(ms -> histogram.record(Duration.ofMillis(ms)));

    assertEquals(100, histogram.count());
    assertWithinABucket(Duration.ofMillis(50), histogram.percentile(50));
    assertWithinABucket(Duration.ofMillis(99), histogram.percentile(99));
    assertWithinABucket(Duration.ofMillis(100), histogram.percentile(100));
  }

  @Test
  void aFewSlowRequestsMakeTheP99AndNotTheMedian() {
    LatencyHistogram histogram = new LatencyHistogram();
    IntStream.range(0, 980).forEach(i -> histogram.record(Duration.ofMillis(2)));
    IntStream.range(0, 20).forEach(i -> histogram.record(Duration.ofMillis(300)));

    assertWithinABucket(Duration.ofMillis(2), histogram.percentile(50));
    assertWithinABucket(Duration.ofMillis(300), histogram.percentile(99));
  }

  @Test
  void microsecondsBelowSixtyFourAreExact() {
    LatencyHistogram histogram = new LatencyHistogram();
    histogram.record(Duration.ofNanos(37_400));

    assertEquals(Duration.ofNanos(37_000), histogram.percentile(50));
  }

  @Test
  void everyBucketHoldsExactlyTheValuesUpToItsUpperBound() {
    for (long micros : new long[] {0, 63, 64, 65, 127, 128, 129, 1_000, 65_535, 65_536, 12_345_678}) {
      int index = LatencyHistogram.indexOf(micros);
      assertTrue(LatencyHistogram.upperBoundOf(index) >= micros, () -> micros + " above its bucket");
      assertTrue(index == 0 || LatencyHistogram.upperBoundOf(index - 1) < micros, () -> micros + " below its bucket");
    }
  }

  @Test
  void aLatencyBeyondTheLastBucketCountsInTheLastBucket() {
    LatencyHistogram histogram = new LatencyHistogram();
    histogram.record(Duration.ofDays(2));

    assertTrue(histogram.percentile(100).compareTo(Duration.ofHours(2)) > 0);
  }

  @Test
  void nothingRecordedIsZero() {
    assertEquals(Duration.ZERO, new LatencyHistogram().percentile(99));
  }

  @Test
  void aPercentileOutsideZeroToAHundredIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new LatencyHistogram().percentile(0));
    assertThrows(IllegalArgumentException.class, () -> new LatencyHistogram().percentile(100.5));
  }

  private static void assertWithinABucket(final Duration expected, final Duration actual) {
    double error = (double) (actual.toNanos() - expected.toNanos()) / expected.toNanos();
    assertTrue(error >= 0 && error <= 1.0 / 64, () -> actual + " is not within 1/64 above " + expected);
  }
}
