package io.github.nexuspypi.it.bench;

import io.github.nexuspypi.it.nexus.HeapUsage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The heap a server still holds after a full collection, which its gauges read at any other moment hide under
 * garbage not yet collected: what tells a page held in memory from one that streams. The collection is asked for
 * with the server's own JDK's {@code jcmd <pid> GC.run}.
 */
public final class LiveHeap
{
  private LiveHeap() {
  }

  public static HeapUsage of(final ProcessHandle server, final Supplier<HeapUsage> heap) {
    Path java = Path.of(server.info().command().orElseThrow(
        () -> new IllegalStateException("The command of process " + server.pid() + " is unknown")));
    Path jcmd = java.resolveSibling("jcmd");
    try {
      Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(server.pid()), "GC.run")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!gc.waitFor(2, TimeUnit.MINUTES) || gc.exitValue() != 0) {
        gc.destroyForcibly();
        throw new IllegalStateException(jcmd + " " + server.pid() + " GC.run failed");
      }
    }
    catch (IOException e) {
      throw new IllegalStateException("Cannot run " + jcmd, e);
    }
    catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while " + server.pid() + " collected", e);
    }
    return heap.get();
  }
}
