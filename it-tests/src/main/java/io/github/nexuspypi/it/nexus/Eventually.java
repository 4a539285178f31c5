package io.github.nexuspypi.it.nexus;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for what Nexus updates in the background after a request has answered: the search index
 * (Elasticsearch), the browse tree and blob store metrics. Never for a repository's own pages and files, which must
 * be right in the very next request.
 */
public final class Eventually
{
  /** Far above the few seconds Nexus's background work takes on a busy two-core machine. */
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  /** How often a probe is asked again unless the caller says otherwise. */
  public static final Duration INTERVAL = Duration.ofMillis(250);

  private Eventually() {
  }

  /** The first value of {@code probe} that is {@code done}, or the last one read when the deadline passed. */
  public static <T> T poll(final Supplier<T> probe, final Predicate<T> done) {
    return poll(probe, done, DEADLINE, INTERVAL);
  }

  /**
   * As {@link #poll(Supplier, Predicate)}, for work whose length the caller sets (a benchmark's import), asking
   * every {@code interval}: a benchmark whose probe costs Nexus CPU asks seldom, so as not to measure its own asking.
   */
  public static <T> T poll(final Supplier<T> probe, final Predicate<T> done, final Duration within,
                           final Duration interval)
  {
    long deadline = System.nanoTime() + within.toNanos();
    T value = probe.get();
    while (!done.test(value) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(interval.toMillis());
      }
      catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for Nexus", e);
      }
      value = probe.get();
    }
    return value;
  }
}
