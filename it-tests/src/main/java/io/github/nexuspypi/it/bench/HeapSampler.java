package io.github.nexuspypi.it.bench;

import io.github.nexuspypi.it.nexus.HeapUsage;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Reads a server's heap at a fixed interval while something runs, and keeps the sample with the most heap used:
 * the closest a client gets to the server's peak without attaching to its JVM.
 */
public final class HeapSampler implements AutoCloseable
{
  private final AtomicReference<HeapUsage> peak = new AtomicReference<>();

  private final Thread thread;

  private volatile int samples;

  private HeapSampler(final Supplier<HeapUsage> heap, final Duration interval) {
    thread = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          HeapUsage now = heap.get();
          peak.accumulateAndGet(now, (max, sample) -> max == null || sample.used() > max.used() ? sample : max);
          samples++;
        }
        catch (RuntimeException e) {
          // A server too busy to answer in time: this sample is missed, the next one may not be.
        }
        try {
          Thread.sleep(interval.toMillis());
        }
        catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    thread.setDaemon(true);
  }

  public static HeapSampler start(final Supplier<HeapUsage> heap, final Duration interval) {
    HeapSampler sampler = new HeapSampler(heap, interval);
    sampler.thread.start();
    return sampler;
  }

  /** The sample with the most heap used so far, or null before the first one. */
  public HeapUsage peak() {
    return peak.get();
  }

  public int samples() {
    return samples;
  }

  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join();
    }
    catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
