package io.github.nexuspypi.it.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.github.nexuspypi.it.nexus.NexusSettings;

/**
 * The facts every recorded result starts with, so that numbers can be judged and compared across runs: when, with
 * which command, on what machine, how busy it was with other work, and how the numbers were taken.
 */
public final class BenchmarkRecord
{
  /** The command that runs every benchmark, from the repository root. */
  public static final String COMMAND = "mvn -B verify -Pbenchmark -pl it-tests -am";

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final ProcessHandle server;

  private final Instant started;

  private final String loadBefore;

  private BenchmarkRecord(final ProcessHandle server) {
    this.server = server;
    this.started = Instant.now();
    this.loadBefore = MachineFacts.loadAverage();
  }

  /** Starts the clock for a benchmark measuring this server process. */
  public static BenchmarkRecord start(final ProcessHandle server) {
    return new BenchmarkRecord(server);
  }

  public ProcessHandle server() {
    return server;
  }

  private static boolean requestLogged() {
    return Boolean.parseBoolean(System.getProperty(NexusSettings.REQUEST_LOG_PROPERTY, "true"));
  }

  /** A Markdown heading and list; {@code method} says how the numbers were taken. */
  public String header(final String title, final String method) {
    return "### " + title + "\n\n"
        + "- Run: " + WHEN.format(started) + " with `" + COMMAND + "`; this part took "
        + Duration.between(started, Instant.now()).toSeconds() + " s\n"
        + "- Machine: " + MachineFacts.describe(server) + "\n"
        + "- Load average (1 / 5 / 15 min) at the start: " + loadBefore + "; at the end: "
        + MachineFacts.loadAverage() + "\n"
        + "- Nexus's request log (`request.log`): " + (requestLogged() ? "on, as Nexus ships it" : "off, as the"
        + " benchmark profile runs Nexus (`-Dbenchmark.nexus.requestLog=true` turns it on)") + "\n"
        + "- Method: " + method + "\n";
  }
}
