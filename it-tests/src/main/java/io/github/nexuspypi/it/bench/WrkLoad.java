package io.github.nexuspypi.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.nexuspypi.it.process.Command;
import io.github.nexuspypi.it.process.ProcessResult;
import io.github.nexuspypi.it.process.ProcessRunner;

/**
 * The same closed loop as {@link HttpLoad}, driven by Debian's {@code wrk}: a load generator in C spends a fraction
 * of what a JVM client spends per request, so on a 2-core machine it is the servers, not the client, that set the
 * rates (with the JDK's client, nginx's page rate stopped at a third of what wrk gets from it, and every ratio was
 * squeezed towards 1). The peers kit and the issue's own table measure with wrk too.
 *
 * <p>Every answer is checked as {@link HttpLoad} checks it: a script counts the answers whose status or body length
 * is not the expected one, and the run fails on any. A body over {@link #CHECKED_BODY_LIMIT} is not handed to the
 * script (wrk would copy every one into a Lua string, which costs the client more than the server): for those, the
 * window's byte count must be at least the expected body per answer and at most a body and headers per answer and
 * per connection still receiving one, so that the answers cannot have been 304s, ranges, error pages or another
 * file (wrk's parser holds each answer to its own Content-Length). Socket errors (a connection closed or reset without an answer)
 * fail the run, or are counted in {@link LoadResult#dropped()} for servers that are not ours.
 */
public final class WrkLoad
    implements LoadGenerator
{
  private static final Path WRK = Path.of("/usr/bin/wrk");

  private static final long CHECKED_BODY_LIMIT = 256 * 1024;

  // Status line and headers of any server measured here; well under this.
  private static final long HEADER_ALLOWANCE = 4096;

  private static final Pattern RESULT = Pattern.compile(
      "RESULT requests=(\\d+) bytes=(\\d+) micros=(\\d+) p50=(\\d+) p99=(\\d+) wrong=(\\d+) connect=(\\d+)"
          + " read=(\\d+) write=(\\d+) timeout=(\\d+)");

  // bash's "times": its own user and system time, then its children's (wrk's).
  private static final Pattern CHILD_TIMES = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s\\s*$");

  private final ProcessHandle server;

  private final boolean countsDroppedConnections;

  private final Path work;

  private WrkLoad(final ProcessHandle server, final boolean countsDroppedConnections, final Path work) {
    this.server = server;
    this.countsDroppedConnections = countsDroppedConnections;
    this.work = work;
  }

  /** {@code server} is the process whose CPU time each result reports; {@code work} holds scripts and logs. */
  public static WrkLoad of(final ProcessHandle server, final Path work) {
    return new WrkLoad(server, false, work);
  }

  /** As {@link HttpLoad#countingDroppedConnections}: for servers that are not ours. */
  public static WrkLoad countingDroppedConnections(final ProcessHandle server, final Path work) {
    return new WrkLoad(server, true, work);
  }

  /** Fails with the command that installs wrk when it is missing. */
  public static void requireWrk() {
    if (!Files.isExecutable(WRK)) {
      throw new AssertionError("The benchmark's load generator is Debian's wrk, not installed here. As root:"
          + " apt-get install -y wrk");
    }
  }

  /**
   * An uncounted load of {@code warmUp}, then {@code measured} counted, each a run of wrk with {@code connections}
   * connections on two threads.
   */
  @Override
  public LoadResult run(final HttpRequest request, final int expectedStatus, final long expectedLength,
                        final int connections, final Duration warmUp, final Duration measured)
  {
    Path script = script(expectedStatus, expectedLength);
    if (!warmUp.isZero()) {
      wrk(request, script, connections, warmUp);
    }
    Duration serverBefore = ProcessCpu.of(server);
    Window window = wrk(request, script, connections, measured);
    Duration serverCpu = ProcessCpu.of(server).minus(serverBefore);
    String where = "GET " + request.uri();
    if (window.wrong() > 0) {
      throw new AssertionError(where + ": " + window.wrong() + " answers were not " + expectedStatus + " with "
          + expectedLength + " bytes");
    }
    if (expectedLength > CHECKED_BODY_LIMIT) {
      // wrk counts the bytes of the answers still arriving when the window closes, not their requests.
      long least = window.requests() * expectedLength;
      long most = (window.requests() + connections) * (expectedLength + HEADER_ALLOWANCE);
      if (window.bytes() < least || window.bytes() > most) {
        throw new AssertionError(where + ": " + window.bytes() + " bytes read for " + window.requests()
            + " answers, expected bodies of " + expectedLength + " bytes and their headers");
      }
    }
    if (window.socketErrors() > 0 && !countsDroppedConnections) {
      throw new AssertionError(where + ": " + window.socketErrors() + " connections closed or reset without an"
          + " answer");
    }
    return new LoadResult(window.requests(), window.requests() * expectedLength, window.elapsed(), serverCpu,
        window.clientCpu(), window.p50(), window.p99(), window.socketErrors());
  }

  private Window wrk(final HttpRequest request, final Path script, final int connections, final Duration length) {
    List<String> wrk = new ArrayList<>(List.of(WRK.toString(), "-t", String.valueOf(Math.min(2, connections)),
        "-c", String.valueOf(connections), "-d", Math.max(1, length.toSeconds()) + "s", "--timeout", "30s",
        "-s", script.toString()));
    request.headers().map().forEach((name, values) -> values.forEach(value -> {
      wrk.add("-H");
      wrk.add(name + ": " + value);
    }));
    wrk.add(request.uri().toString());
    // bash's "times" tells wrk's CPU time once it has ended, which no handle on the process can.
    Command command = new Command(List.of("/bin/bash", "-c", "\"$@\"; status=$?; times; exit $status", "wrk"),
        work, Map.of("PATH", "/usr/bin:/bin"), length.plus(Duration.ofMinutes(2))).withArguments(wrk);
    ProcessResult result = ProcessRunner.run(command, work.resolve("wrk.log")).requireSuccess();
    return Window.parse(result.output());
  }

  /** A wrk script that checks each answer (small ones only) and prints the window's exact totals. */
  private Path script(final int expectedStatus, final long expectedLength) {
    String check = expectedLength > CHECKED_BODY_LIMIT ? ""
        : "function response(status, headers, body)\n"
            + "  if status ~= " + expectedStatus + " or #body ~= " + expectedLength + " then wrong = wrong + 1 end\n"
            + "end\n";
    String lua = "local threads = {}\n"
        + "function setup(thread) table.insert(threads, thread) end\n"
        + "function init(args) wrong = 0 end\n"
        + check
        + "function done(summary, latency, requests)\n"
        + "  local bad = 0\n"
        + "  for _, thread in ipairs(threads) do bad = bad + (thread:get(\"wrong\") or 0) end\n"
        + "  local e = summary.errors\n"
        + "  io.write(string.format(\"RESULT requests=%d bytes=%d micros=%d p50=%d p99=%d wrong=%d connect=%d"
        + " read=%d write=%d timeout=%d\\n\", summary.requests, summary.bytes, summary.duration,"
        + " latency:percentile(50), latency:percentile(99), bad, e.connect, e.read, e.write, e.timeout))\n"
        + "end\n";
    try {
      Files.createDirectories(work);
      Path script = work.resolve("check-" + expectedStatus + "-" + expectedLength + ".lua");
      Files.writeString(script, lua);
      return script;
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot write the wrk script into " + work, e);
    }
  }

  /** What one run of wrk printed: its totals, and its CPU time from bash's {@code times}. */
  record Window(long requests, long bytes, Duration elapsed, Duration p50, Duration p99, long wrong,
                long socketErrors, Duration clientCpu)
  {
    static Window parse(final String output) {
      Matcher result = RESULT.matcher(output);
      if (!result.find()) {
        throw new AssertionError("wrk printed no result:\n" + output);
      }
      Matcher times = CHILD_TIMES.matcher(output.strip());
      Duration clientCpu = times.find()
          ? seconds(times.group(1), times.group(2)).plus(seconds(times.group(3), times.group(4)))
          : Duration.ZERO;
      return new Window(number(result, 1), number(result, 2), micros(result, 3), micros(result, 4),
          micros(result, 5), number(result, 6),
          number(result, 7) + number(result, 8) + number(result, 9) + number(result, 10), clientCpu);
    }

    private static long number(final Matcher matcher, final int group) {
      return Long.parseLong(matcher.group(group));
    }

    private static Duration micros(final Matcher matcher, final int group) {
      return Duration.ofNanos(number(matcher, group) * 1000);
    }

    private static Duration seconds(final String minutes, final String seconds) {
      return Duration.ofMinutes(Long.parseLong(minutes))
          .plusNanos(Math.round(Double.parseDouble(seconds) * 1e9));
    }
  }
}
