package io.github.nexuspypi.it.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Any number of servers measured on one scenario in interleaved rounds: each round runs every side once, and each
 * round starts one side later than the one before (ABC, BCA, CAB, ...), so that over the rounds every side runs
 * equally often first, last and after each other side, and whatever else the machine does hits all alike. Ratios
 * are taken within a round, then their median across rounds.
 */
public record SideBySide(String scenario, int connections, List<String> sides, List<Map<String, LoadResult>> rounds)
{
  public SideBySide {
    if (sides.isEmpty() || rounds.isEmpty()) {
      throw new IllegalArgumentException("A comparison needs at least one side and one round");
    }
    for (Map<String, LoadResult> round : rounds) {
      if (!round.keySet().containsAll(sides)) {
        throw new IllegalArgumentException("A round without every side: " + round.keySet() + " of " + sides);
      }
    }
    sides = List.copyOf(sides);
    rounds = List.copyOf(rounds);
  }

  /** {@code sides} in their order for the first round. */
  public static SideBySide measure(final String scenario, final int connections, final int rounds,
                                   final Map<String, Supplier<LoadResult>> sides)
  {
    List<String> names = List.copyOf(sides.keySet());
    List<Map<String, LoadResult>> measured = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      Map<String, LoadResult> results = new LinkedHashMap<>();
      for (String side : order(names, round)) {
        results.put(side, sides.get(side).get());
      }
      measured.add(results);
    }
    return new SideBySide(scenario, connections, names, measured);
  }

  /** The order of the sides in round {@code round} (from 0): the first round's order, rotated left by the round. */
  static List<String> order(final List<String> sides, final int round) {
    List<String> order = new ArrayList<>();
    for (int i = 0; i < sides.size(); i++) {
      order.add(sides.get((round + i) % sides.size()));
    }
    return order;
  }

  public boolean has(final String side) {
    return sides.contains(side);
  }

  public double medianRequestsPerSecond(final String side) {
    return median(round -> round.get(side).requestsPerSecond());
  }

  public double medianP99Millis(final String side) {
    return median(round -> millis(round.get(side)));
  }

  /** The median of the rounds' ratios of {@code side}'s request rate to {@code reference}'s. */
  public double medianRatio(final String side, final String reference) {
    return median(round -> round.get(side).requestsPerSecond() / round.get(reference).requestsPerSecond());
  }

  /** The median of the rounds' ratios of {@code side}'s 99th percentile latency to {@code reference}'s. */
  public double medianP99Ratio(final String side, final String reference) {
    return median(round -> millis(round.get(side)) / millis(round.get(reference)));
  }

  /** The median of the rounds' server CPU time per request of {@code side}, in milliseconds. */
  public double medianServerCpuMillis(final String side) {
    return median(round -> round.get(side).serverCpuMillisPerRequest());
  }

  /** The median of the rounds' ratios of {@code side}'s server CPU time per request to {@code reference}'s. */
  public double medianServerCpuRatio(final String side, final String reference) {
    return median(round -> round.get(side).serverCpuMillisPerRequest()
        / round.get(reference).serverCpuMillisPerRequest());
  }

  private double median(final ToDoubleFunction<Map<String, LoadResult>> value) {
    return Median.of(rounds.stream().mapToDouble(value).toArray());
  }

  private static double millis(final LoadResult result) {
    return result.p99().toNanos() / 1e6;
  }
}
