package io.github.nexuspypi.it.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A diagnostic command run on a server by its own JDK's {@code jcmd}: the tool of another JDK may not attach to it.
 */
final class ServerJcmd
{
  private ServerJcmd() {
  }

  /** Runs {@code jcmd <pid> <command>}, its output going to {@code output}; fails unless it succeeds. */
  static void run(final ProcessHandle server, final ProcessBuilder.Redirect output, final String... command) {
    Path java = Path.of(server.info().command().orElseThrow(
        () -> new IllegalStateException("The command of process " + server.pid() + " is unknown")));
    List<String> line = new ArrayList<>(List.of(java.resolveSibling("jcmd").toString(),
        Long.toString(server.pid())));
    line.addAll(List.of(command));
    try {
      Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output).start();
      if (!jcmd.waitFor(2, TimeUnit.MINUTES) || jcmd.exitValue() != 0) {
        jcmd.destroyForcibly();
        throw new IllegalStateException(String.join(" ", line) + " failed");
      }
    }
    catch (IOException e) {
      throw new IllegalStateException("Cannot run " + line, e);
    }
    catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + line, e);
    }
  }
}
