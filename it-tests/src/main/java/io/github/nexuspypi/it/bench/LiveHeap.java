package io.github.nexuspypi.it.bench;

import io.github.nexuspypi.it.nexus.HeapUsage;

import java.util.function.Supplier;

/**
 * The heap a server still holds after a full collection, which its gauges read at any other moment hide under
 * garbage not yet collected: what tells a page held in memory from one that streams. The collection is asked for
 * with {@code jcmd <pid> GC.run}.
 */
public final class LiveHeap
{
  private LiveHeap() {
  }

  public static HeapUsage of(final ProcessHandle server, final Supplier<HeapUsage> heap) {
    ServerJcmd.run(server, ProcessBuilder.Redirect.DISCARD, "GC.run");
    return heap.get();
  }
}
