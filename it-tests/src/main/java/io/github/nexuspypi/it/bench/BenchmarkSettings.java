package io.github.nexuspypi.it.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * How long and how hard a benchmark measures, and where it records its results; each can be changed with a system
 * property of the same name, e.g. {@code -Dbenchmark.rounds=5}.
 */
public record BenchmarkSettings(int rounds, Duration warmUp, Duration measured, List<Integer> connections,
                                Path report)
{
  public static BenchmarkSettings fromSystemProperties() {
    return new BenchmarkSettings(
        Integer.getInteger("benchmark.rounds", 9),
        Duration.ofSeconds(Integer.getInteger("benchmark.warmup.seconds", 1)),
        Duration.ofSeconds(Integer.getInteger("benchmark.measure.seconds", 2)),
        integers("benchmark.connections", "4,16"),
        Path.of(System.getProperty("benchmark.report", "target/benchmarks.md")).toAbsolutePath());
  }

  /** A comma-separated list of integers, e.g. the sizes a growth benchmark measures, from a system property. */
  public static List<Integer> integers(final String property, final String defaults) {
    return Arrays.stream(System.getProperty(property, defaults).split(","))
        .map(String::strip)
        .map(Integer::valueOf)
        .toList();
  }

  /** The same settings at the largest connection count only: half the time or less, where a run must be short. */
  public BenchmarkSettings largestConnectionCountOnly() {
    return new BenchmarkSettings(rounds, warmUp, measured, List.of(Collections.max(connections)), report);
  }

  /** The settings as a reader of the results needs them to judge the numbers. */
  public String describe() {
    return rounds + " rounds per comparison, each side " + warmUp.toSeconds() + " s warm-up then "
        + measured.toSeconds() + " s measured, with " + connections + " concurrent connections";
  }
}
