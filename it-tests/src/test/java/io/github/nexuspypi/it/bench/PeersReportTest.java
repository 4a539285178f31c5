package io.github.nexuspypi.it.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeersReportTest
{
  private final PeersReport report = new PeersReport("ours", List.of("ours", "raw", "peer"));

  @Test
  void eachServerHasItsMedianRateItsRatioToTheReferenceAndItsP99PerScenario() {
    SideBySide page = new SideBySide("page", 8, List.of("ours", "peer"), List.of(
        Map.of("ours", result(1000, 2.0), "peer", result(250, 9.5))));
    SideBySide file = new SideBySide("file", 8, List.of("ours", "raw", "peer"), List.of(
        Map.of("ours", result(600, 20.0), "raw", result(500, 25.0), "peer", result(300, 40.0))));

    assertEquals("""
        | server | page req/s | page vs ours | page p99 ms | file req/s | file vs ours | file p99 ms |
        | --- | --- | --- | --- | --- | --- | --- |
        | ours | 1000 | 1.00x | 2.0 | 600 | 1.00x | 20.0 |
        | raw | — | — | — | 500 | 0.83x | 25.0 |
        | peer | 250 | 0.25x | 9.5 | 300 | 0.50x | 40.0 |
        """, report.servers(List.of(page, file)));
  }

  @Test
  void aScenarioOnOneServerProcessShowsEachSidesCpuPerRequestAndItsRatio() {
    // CPU ratios within each round: 1.5 and 1.1, median 1.3; the rates' ratios 0.5 and 1.0, median 0.75.
    SideBySide file = new SideBySide("file", 8, List.of("ours", "peer"), List.of(
        Map.of("ours", costing(1000, 2.0, 1000), "peer", costing(500, 4.0, 750)),
        Map.of("ours", costing(1000, 2.0, 1000), "peer", costing(1000, 4.0, 1100))));

    assertEquals("""
        | server | req/s | vs ours | p99 ms | CPU ms per request | CPU per request vs ours |
        | --- | --- | --- | --- | --- | --- |
        | ours | 1000 | 1.00x | 2.0 | 1.000 | 1.00x |
        | peer | 750 | 0.75x | 4.0 | 1.300 | 1.30x |
        """, report.withServerCpu(file));
  }

  @Test
  void aTargetIsMetAtItsBoundInTheDirectionItPoints() {
    assertTrue(PeersReport.Target.atLeast("rate", 1.2, 1.2).met());
    assertFalse(PeersReport.Target.atLeast("rate", 1.19, 1.2).met());
    assertTrue(PeersReport.Target.atMost("p99", 1.0, 1.0).met());
    assertFalse(PeersReport.Target.atMost("p99", 1.01, 1.0).met());

    assertEquals("""
        | target | median ratio | target | result |
        | --- | --- | --- | --- |
        | rate | 1.19 | ≥ 1.20 | **FAIL** |
        | p99 | 0.80 | ≤ 1.00 | PASS |
        """, report.targets(List.of(PeersReport.Target.atLeast("rate", 1.19, 1.2),
        PeersReport.Target.atMost("p99", 0.8, 1.0))));
  }

  @Test
  void everyRoundOfEveryMeasuredServerIsListedInRoundOrder() {
    SideBySide file = new SideBySide("file", 8, List.of("ours", "peer"), List.of(
        Map.of("ours", result(600, 20.0), "peer", result(300, 40.0)),
        Map.of("ours", result(650, 18.5), "peer", dropping(280, 41.0, 3))));

    assertEquals("""
        | scenario | server | req/s in each round | p99 ms in each round | dropped connections in each round |
        | --- | --- | --- | --- | --- |
        | file | ours | 600 / 650 | 20.0 / 18.5 | 0 / 0 |
        | file | peer | 300 / 280 | 40.0 / 41.0 | 0 / 3 |
        """, report.rounds(List.of(file)));
  }

  private static LoadResult result(final long requests, final double p99Millis) {
    return dropping(requests, p99Millis, 0);
  }

  private static LoadResult costing(final long requests, final double p99Millis, final long cpuMillis) {
    return new LoadResult(requests, requests * 10, Duration.ofSeconds(1), Duration.ofMillis(cpuMillis),
        Duration.ZERO, Duration.ZERO, Duration.ofNanos((long) (p99Millis * 1e6)), 0);
  }

  private static LoadResult dropping(final long requests, final double p99Millis, final long dropped) {
    return new LoadResult(requests, requests * 10, Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO,
        Duration.ZERO, Duration.ofNanos((long) (p99Millis * 1e6)), dropped);
  }
}
