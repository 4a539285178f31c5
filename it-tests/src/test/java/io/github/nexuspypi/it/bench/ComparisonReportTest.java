package io.github.nexuspypi.it.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ComparisonReportTest
{
  @Test
  void ratiosGiveTheMediansAndTheSpreadOfTheRounds() {
    // Rate ratios 0.5, 0.8 and 1.2; the candidate costs the server 2 ms a request in every round, the baseline 1 ms.
    Comparison comparison = new Comparison("page", 16, List.of(round(50, 100), round(80, 100), round(120, 100)));

    String table = new ComparisonReport("proxy", "hosted").ratios(List.of(comparison));

    assertEquals("""
        | scenario | connections | median proxy / hosted rate | lowest – highest round \
        | median proxy / hosted Nexus CPU per request | load generator (max cores) |
        | --- | --- | --- | --- | --- | --- |
        | page | 16 | 0.800 | 0.500 – 1.200 | 2.000 | 0.25 |
        """, table);
  }

  @Test
  void theLargestConnectionCountOnlyKeepsEveryOtherSetting() {
    BenchmarkSettings settings = new BenchmarkSettings(9, Duration.ofSeconds(1), Duration.ofSeconds(2),
        List.of(4, 16, 8), Path.of("report.md"));

    assertEquals(new BenchmarkSettings(9, Duration.ofSeconds(1), Duration.ofSeconds(2), List.of(16),
        Path.of("report.md")), settings.largestConnectionCountOnly());
  }

  private static Comparison.Round round(final long candidateRequests, final long baselineRequests) {
    return new Comparison.Round(result(candidateRequests, 2), result(baselineRequests, 1));
  }

  private static LoadResult result(final long requests, final long serverMillisPerRequest) {
    return new LoadResult(requests, requests * 10, Duration.ofSeconds(1),
        Duration.ofMillis(requests * serverMillisPerRequest), Duration.ofMillis(250), Duration.ZERO, Duration.ZERO,
        0);
  }
}
