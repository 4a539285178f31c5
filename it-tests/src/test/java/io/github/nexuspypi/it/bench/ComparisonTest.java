package io.github.nexuspypi.it.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ComparisonTest
{
  @Test
  void roundsAlternateWhichSideGoesFirst() {
    List<String> order = new ArrayList<>();

    Comparison.measure("file", 4, 4, measuring("pypi", 100, order), measuring("raw", 100, order));

    assertEquals(List.of("pypi", "raw", "raw", "pypi", "pypi", "raw", "raw", "pypi"), order);
  }

  @Test
  void theMedianOfAnOddNumberOfRoundsIsTheMiddleRatio() {
    Comparison comparison = new Comparison("file", 4, List.of(round(90, 100), round(50, 100), round(120, 100)));

    assertEquals(0.9, comparison.medianRatio(), 1e-9);
  }

  @Test
  void theMedianOfAnEvenNumberOfRoundsIsTheMeanOfTheMiddleTwo() {
    Comparison comparison = new Comparison("file", 4,
        List.of(round(90, 100), round(50, 100), round(120, 100), round(100, 100)));

    assertEquals(0.95, comparison.medianRatio(), 1e-9);
  }

  @Test
  void theCpuRatioComparesServerTimePerRequest() {
    // The candidate: 200 requests in 1 s of server CPU (5 ms each); the baseline: 100 in 1 s (10 ms each).
    Comparison.Round round = new Comparison.Round(
        new LoadResult(200, 2000, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO,
            Duration.ZERO, 0),
        new LoadResult(100, 1000, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO,
            Duration.ZERO, 0));

    assertEquals(0.5, new Comparison("file", 4, List.of(round)).medianCpuRatio(), 1e-9);
    assertEquals(2.0, round.ratio(), 1e-9);
  }

  private static Comparison.Round round(final long candidateRequests, final long baselineRequests) {
    return new Comparison.Round(result(candidateRequests), result(baselineRequests));
  }

  private static Supplier<LoadResult> measuring(final String side, final long requests, final List<String> order) {
    return () -> {
      order.add(side);
      return result(requests);
    };
  }

  private static LoadResult result(final long requests) {
    return new LoadResult(requests, requests * 10, Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO, Duration.ZERO,
        Duration.ZERO, 0);
  }
}
