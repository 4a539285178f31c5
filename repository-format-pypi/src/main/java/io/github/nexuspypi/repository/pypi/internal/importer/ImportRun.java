package io.github.nexuspypi.repository.pypi.internal.importer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Imports files a bounded number at a time, so that a source far larger than memory or than the thread pool passes
 * through: a file is handed to a worker only when one is free. The calling thread (the task's, whose log is the
 * task log) collects the outcomes and reports progress at intervals. Cancelling stops handing out files and waits
 * for the ones under way, which each end committed or not stored at all.
 */
final class ImportRun
{
  private static final AtomicInteger RUNS = new AtomicInteger();

  private final Function<SourceFile, ImportedFile> importer;

  private final int concurrency;

  private final Duration progressInterval;

  private final Clock clock;

  ImportRun(final Function<SourceFile, ImportedFile> importer, final int concurrency,
            final Duration progressInterval, final Clock clock)
  {
    this.importer = importer;
    this.concurrency = Math.max(1, concurrency);
    this.progressInterval = progressInterval;
    this.clock = clock;
  }

  /** @return false if cancelled before every file was done */
  boolean run(final List<SourceFile> files, final ImportSummary summary, final BooleanSupplier canceled,
              final Consumer<ImportSummary> progress) throws InterruptedException
  {
    int run = RUNS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ExecutorService workers = Executors.newFixedThreadPool(concurrency, task -> {
      Thread thread = new Thread(task, "pypi-import-" + run + "-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    try {
      ExecutorCompletionService<ImportedFile> done = new ExecutorCompletionService<>(workers);
      Iterator<SourceFile> next = files.iterator();
      int inFlight = 0;
      Instant lastReport = clock.instant();
      boolean stopped = false;
      while (inFlight > 0 || (next.hasNext() && !stopped)) {
        while (!stopped && inFlight < concurrency && next.hasNext()) {
          SourceFile file = next.next();
          done.submit(() -> importer.apply(file));
          inFlight++;
        }
        Future<ImportedFile> finished = done.poll(progressInterval.toMillis(), TimeUnit.MILLISECONDS);
        if (finished != null) {
          inFlight--;
          summary.done(outcome(finished));
        }
        stopped = stopped || canceled.getAsBoolean();
        Instant now = clock.instant();
        if (!Duration.between(lastReport, now).minus(progressInterval).isNegative()) {
          progress.accept(summary);
          lastReport = now;
        }
      }
      return !next.hasNext();
    }
    finally {
      workers.shutdown();
    }
  }

  private static ImportedFile outcome(final Future<ImportedFile> finished) throws InterruptedException {
    try {
      return finished.get();
    }
    catch (ExecutionException e) {
      // FileImporter turns every failure into an outcome; what escapes it is a bug, not a file's fault.
      throw new IllegalStateException("An import worker failed", e.getCause());
    }
  }
}
