package io.github.nexuspypi.it.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A candidate measured against a baseline in alternating rounds, so that whatever else the machine does in the
 * meantime hits both sides alike. The order within a round alternates too (AB, BA, AB, ...), so that neither side
 * always runs on a server the other has just warmed or loaded.
 */
public record Comparison(String scenario, int connections, List<Round> rounds)
{
  public record Round(LoadResult candidate, LoadResult baseline)
  {
    /** The candidate's request rate over the baseline's: both sides serve the same bytes per request. */
    public double ratio() {
      return candidate.requestsPerSecond() / baseline.requestsPerSecond();
    }

    /** The candidate's server CPU time per request over the baseline's: below 1, the candidate costs less. */
    public double cpuRatio() {
      return candidate.serverCpuMillisPerRequest() / baseline.serverCpuMillisPerRequest();
    }
  }

  public Comparison {
    if (rounds.isEmpty()) {
      throw new IllegalArgumentException("A comparison needs at least one round");
    }
    rounds = List.copyOf(rounds);
  }

  public static Comparison measure(final String scenario, final int connections, final int rounds,
                                   final Supplier<LoadResult> candidate, final Supplier<LoadResult> baseline)
  {
    List<Round> measured = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      if (i % 2 == 0) {
        LoadResult first = candidate.get();
        measured.add(new Round(first, baseline.get()));
      }
      else {
        LoadResult first = baseline.get();
        measured.add(new Round(candidate.get(), first));
      }
    }
    return new Comparison(scenario, connections, measured);
  }

  public double medianRatio() {
    return Median.of(rounds.stream().mapToDouble(Round::ratio).toArray());
  }

  /**
   * The median of the rounds' server CPU ratios: what a request costs the server, which the rest of the machine
   * disturbs far less than it disturbs the rates.
   */
  public double medianCpuRatio() {
    return Median.of(rounds.stream().mapToDouble(Round::cpuRatio).toArray());
  }

  /** The largest share of the machine's cores the load generator used in any window of this comparison. */
  public double maxClientCores() {
    return rounds.stream()
        .flatMap(round -> List.of(round.candidate(), round.baseline()).stream())
        .mapToDouble(LoadResult::clientCores)
        .max()
        .orElse(0);
  }
}
