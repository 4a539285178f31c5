package io.github.nexuspypi.it.bench;

import java.util.Arrays;

/** The median of the rounds of a measurement: what a benchmark judges, robust to a round the machine disturbed. */
final class Median
{
  private Median() {
  }

  /** The middle value, or the mean of the middle two of an even number of values. */
  static double of(final double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("No value to take the median of");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
