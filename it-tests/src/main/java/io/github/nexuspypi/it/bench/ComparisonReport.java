package io.github.nexuspypi.it.bench;

import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;

/** Comparisons as Markdown: one table judging the targets, one with every round's numbers. */
public final class ComparisonReport
{
  /** At least {@code minimum} times the baseline's rate, in the median of the rounds of each comparison. */
  public record Target(String what, double minimum, List<Comparison> comparisons)
  {
  }

  private final String candidate;

  private final String baseline;

  /** {@code candidate} and {@code baseline} name the two sides in the tables' headers. */
  public ComparisonReport(final String candidate, final String baseline) {
    this.candidate = candidate;
    this.baseline = baseline;
  }

  public String targets(final List<Target> targets) {
    MarkdownTable table = new MarkdownTable("target", "scenario", "connections", rateHeader(), "target", "result",
        cpuHeader(), "load generator (max cores)");
    for (Target target : targets) {
      for (Comparison comparison : target.comparisons()) {
        double median = comparison.medianRatio();
        table.row(target.what(), comparison.scenario(), comparison.connections(), format("%.3f", median),
            format("≥ %.2f", target.minimum()), median >= target.minimum() ? "PASS" : "**FAIL**",
            format("%.3f", comparison.medianCpuRatio()), format("%.2f", comparison.maxClientCores()));
      }
    }
    return table.toString();
  }

  /** For comparisons without a target: the medians, and how far the rounds' rate ratios spread around them. */
  public String ratios(final List<Comparison> comparisons) {
    MarkdownTable table = new MarkdownTable("scenario", "connections", rateHeader(), "lowest – highest round",
        cpuHeader(), "load generator (max cores)");
    for (Comparison comparison : comparisons) {
      DoubleSummaryStatistics spread = comparison.rounds().stream().mapToDouble(Comparison.Round::ratio)
          .summaryStatistics();
      table.row(comparison.scenario(), comparison.connections(), format("%.3f", comparison.medianRatio()),
          format("%.3f", spread.getMin()) + " – " + format("%.3f", spread.getMax()),
          format("%.3f", comparison.medianCpuRatio()), format("%.2f", comparison.maxClientCores()));
    }
    return table.toString();
  }

  public String rounds(final List<Comparison> comparisons) {
    MarkdownTable table = new MarkdownTable("scenario", "connections", "round",
        candidate + " req/s", candidate + " MiB/s", candidate + " Nexus CPU ms/req",
        baseline + " req/s", baseline + " MiB/s", baseline + " Nexus CPU ms/req", "ratio");
    for (Comparison comparison : comparisons) {
      int round = 0;
      for (Comparison.Round measured : comparison.rounds()) {
        table.row(comparison.scenario(), comparison.connections(), ++round,
            format("%.1f", measured.candidate().requestsPerSecond()),
            format("%.1f", measured.candidate().mebibytesPerSecond()),
            format("%.2f", measured.candidate().serverCpuMillisPerRequest()),
            format("%.1f", measured.baseline().requestsPerSecond()),
            format("%.1f", measured.baseline().mebibytesPerSecond()),
            format("%.2f", measured.baseline().serverCpuMillisPerRequest()),
            format("%.3f", measured.ratio()));
      }
    }
    return table.toString();
  }

  private String rateHeader() {
    return "median " + candidate + " / " + baseline + " rate";
  }

  private String cpuHeader() {
    return "median " + candidate + " / " + baseline + " Nexus CPU per request";
  }

  private static String format(final String pattern, final double value) {
    return String.format(Locale.ROOT, pattern, value);
  }
}
