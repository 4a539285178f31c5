package io.github.nexuspypi.it.bench;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for a server to finish what a fill left it to do: after an import or many uploads, Nexus goes on for minutes
 * indexing the new components for search and its browse tree (6.5 to 10 ms of CPU per stored file), and a request
 * measured meanwhile pays for that work too. Settled is two windows in a row in which the process used less than a
 * tenth of a core.
 */
public final class ProcessSettling
{
  private static final Duration WINDOW = Duration.ofSeconds(2);

  private static final double IDLE_CORES = 0.1;

  private static final int QUIET_WINDOWS = 2;

  private ProcessSettling() {
  }

  /**
   * @return how long the server took to settle
   * @throws AssertionError when it has not settled within {@code limit}
   */
  public static Duration await(final ProcessHandle server, final Duration limit) {
    return await(() -> ProcessCpu.of(server), WINDOW, limit);
  }

  static Duration await(final Supplier<Duration> cpu, final Duration window, final Duration limit) {
    long started = System.nanoTime();
    int quiet = 0;
    Duration before = cpu.get();
    while (quiet < QUIET_WINDOWS) {
      if (System.nanoTime() - started > limit.toNanos()) {
        throw new AssertionError("The server still used more than " + IDLE_CORES + " of a core after " + limit);
      }
      try {
        Thread.sleep(window.toMillis());
      }
      catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting for the server to settle", e);
      }
      Duration now = cpu.get();
      quiet = isIdle(now.minus(before), window) ? quiet + 1 : 0;
      before = now;
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  static boolean isIdle(final Duration cpuUsed, final Duration window) {
    return cpuUsed.toNanos() < IDLE_CORES * window.toNanos();
  }
}
