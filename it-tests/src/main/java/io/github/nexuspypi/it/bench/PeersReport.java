package io.github.nexuspypi.it.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Servers measured side by side, as Markdown: one row per server with each scenario's median rate, its ratio to
 * the reference server's and its median 99th percentile latency; the targets judged; and every round's numbers.
 */
public final class PeersReport
{
  /** A median ratio judged against a bound: at least {@code bound}, or at most it. */
  public record Target(String what, double measured, double bound, boolean atMost)
  {
    public static Target atLeast(final String what, final double measured, final double minimum) {
      return new Target(what, measured, minimum, false);
    }

    public static Target atMost(final String what, final double measured, final double maximum) {
      return new Target(what, measured, maximum, true);
    }

    public boolean met() {
      return atMost ? measured <= bound : measured >= bound;
    }
  }

  private static final String MISSING = "—";

  private final String reference;

  private final List<String> servers;

  /** {@code servers} in the order of the tables' rows; ratios are to {@code reference}'s numbers. */
  public PeersReport(final String reference, final List<String> servers) {
    this.reference = reference;
    this.servers = List.copyOf(servers);
  }

  /** A row per server, three columns per scenario; a server a scenario did not measure has dashes there. */
  public String servers(final List<SideBySide> scenarios) {
    List<String> header = new ArrayList<>(List.of("server"));
    for (SideBySide scenario : scenarios) {
      header.add(scenario.scenario() + " req/s");
      header.add(scenario.scenario() + " vs " + reference);
      header.add(scenario.scenario() + " p99 ms");
    }
    MarkdownTable table = new MarkdownTable(header.toArray(String[]::new));
    for (String server : servers) {
      List<String> row = new ArrayList<>(List.of(server));
      for (SideBySide scenario : scenarios) {
        if (scenario.has(server)) {
          row.add(format("%.0f", scenario.medianRequestsPerSecond(server)));
          row.add(scenario.has(reference) ? format("%.2fx", scenario.medianRatio(server, reference)) : MISSING);
          row.add(format("%.1f", scenario.medianP99Millis(server)));
        }
        else {
          row.addAll(List.of(MISSING, MISSING, MISSING));
        }
      }
      table.row(row.toArray());
    }
    return table.toString();
  }

  /**
   * A row per server of one scenario measured on a single server process, with the CPU time that process spent per
   * request: steadier than a rate on a machine whose other work comes and goes, since a round's stray load slows the
   * rate of whichever side it hits but hardly changes what a request costs.
   */
  public String withServerCpu(final SideBySide scenario) {
    MarkdownTable table = new MarkdownTable("server", "req/s", "vs " + reference, "p99 ms", "CPU ms per request",
        "CPU per request vs " + reference);
    for (String server : servers) {
      if (scenario.has(server)) {
        table.row(server, format("%.0f", scenario.medianRequestsPerSecond(server)),
            format("%.2fx", scenario.medianRatio(server, reference)),
            format("%.1f", scenario.medianP99Millis(server)),
            format("%.3f", scenario.medianServerCpuMillis(server)),
            format("%.2fx", scenario.medianServerCpuRatio(server, reference)));
      }
    }
    return table.toString();
  }

  public String targets(final List<Target> targets) {
    MarkdownTable table = new MarkdownTable("target", "median ratio", "target", "result");
    for (Target target : targets) {
      table.row(target.what(), format("%.2f", target.measured()),
          (target.atMost() ? "≤ " : "≥ ") + format("%.2f", target.bound()), target.met() ? "PASS" : "**FAIL**");
    }
    return table.toString();
  }

  /**
   * Each server's rate, 99th percentile and dropped connections (requests sent again after the server closed the
   * connection without an answer) in every round, in the order of the rounds.
   */
  public String rounds(final List<SideBySide> scenarios) {
    MarkdownTable table = new MarkdownTable("scenario", "server", "req/s in each round", "p99 ms in each round",
        "dropped connections in each round");
    for (SideBySide scenario : scenarios) {
      for (String server : servers) {
        if (scenario.has(server)) {
          table.row(scenario.scenario(), server,
              scenario.rounds().stream().map(round -> format("%.0f", round.get(server).requestsPerSecond()))
                  .collect(Collectors.joining(" / ")),
              scenario.rounds().stream().map(round -> format("%.1f", round.get(server).p99().toNanos() / 1e6))
                  .collect(Collectors.joining(" / ")),
              scenario.rounds().stream().map(round -> String.valueOf(round.get(server).dropped()))
                  .collect(Collectors.joining(" / ")));
        }
      }
    }
    return table.toString();
  }

  private static String format(final String pattern, final double value) {
    return String.format(Locale.ROOT, pattern, value);
  }
}
