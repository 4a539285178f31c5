package io.github.nexuspypi.it.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SideBySideTest
{
  @Test
  void eachRoundStartsOneSideLaterThanTheRoundBefore() {
    List<String> order = new ArrayList<>();
    Map<String, Supplier<LoadResult>> sides = new LinkedHashMap<>();
    for (String side : List.of("a", "b", "c")) {
      sides.put(side, () -> {
        order.add(side);
        return result(100, 10);
      });
    }

    SideBySide.measure("file", 8, 4, sides);

    assertEquals(List.of("a", "b", "c", "b", "c", "a", "c", "a", "b", "a", "b", "c"), order);
  }

  @Test
  void ratiosAreTakenWithinARoundThenTheirMedianAcrossRounds() {
    // The rounds' ratios of "peer" to "ours": 0.5, 0.6, 2.0; the ratio of the median rates would be 0.75.
    SideBySide file = new SideBySide("file", 8, List.of("ours", "peer"), List.of(
        round(100, 50, 10, 20),
        round(400, 240, 10, 40),
        round(200, 400, 10, 5)));

    assertEquals(0.6, file.medianRatio("peer", "ours"), 1e-9);
    assertEquals(240, file.medianRequestsPerSecond("peer"), 1e-9);
    assertEquals(2.0, file.medianP99Ratio("peer", "ours"), 1e-9);
    assertEquals(20, file.medianP99Millis("peer"), 1e-9);
  }

  @Test
  void theMedianOfAnEvenNumberOfRoundsIsTheMeanOfTheMiddleTwo() {
    SideBySide file = new SideBySide("file", 8, List.of("ours", "peer"), List.of(
        round(100, 50, 10, 10), round(100, 70, 10, 10), round(100, 90, 10, 10), round(100, 200, 10, 10)));

    assertEquals(0.8, file.medianRatio("peer", "ours"), 1e-9);
  }

  @Test
  void aRoundWithoutEverySideIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new SideBySide("file", 8, List.of("ours", "peer"),
        List.of(Map.of("ours", result(100, 10)))));
  }

  private static Map<String, LoadResult> round(final long ours, final long peer, final long oursP99,
                                               final long peerP99)
  {
    return Map.of("ours", result(ours, oursP99), "peer", result(peer, peerP99));
  }

  private static LoadResult result(final long requests, final long p99Millis) {
    return new LoadResult(requests, requests * 10, Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO,
        Duration.ofMillis(p99Millis / 2), Duration.ofMillis(p99Millis), 0);
  }
}
