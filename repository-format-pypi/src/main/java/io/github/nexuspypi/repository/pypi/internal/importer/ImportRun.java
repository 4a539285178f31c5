package io.github.nexuspypi.repository.pypi.internal.importer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Imports files a bounded number at a time, so that a source far larger than memory or than the thread pool passes
 * through: each of at most <em>concurrency</em> workers takes the next file itself when it is done with one, so no
 * worker waits for another thread to hand it work (on a busy machine the task's thread may wait long for a core,
 * and its workers with it). The calling thread (the task's, whose log is the task log) collects the outcomes and
 * reports progress at intervals. Cancelling stops the taking of files and waits for the ones under way, which each
 * end committed or not stored at all.
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
    RemainingFiles toImport = new RemainingFiles(files, canceled);
    // A worker's outcomes, then an empty one as it ends: the collecting thread wakes for either, never waiting out a
    // progress interval once the last worker has ended (with 10 s between reports, an import of a few seconds
    // took ten more).
    BlockingQueue<Optional<ImportedFile>> finished = new LinkedBlockingQueue<>();
    AtomicReference<Throwable> bug = new AtomicReference<>();
    int started = Math.min(concurrency, files.size());
    try {
      for (int i = 0; i < started; i++) {
        workers.execute(() -> {
          try {
            for (SourceFile file = toImport.next(); file != null; file = toImport.next()) {
              finished.add(Optional.of(importer.apply(file)));
            }
          }
          catch (RuntimeException | Error e) {
            // FileImporter turns every failure into an outcome; what escapes it is a bug, not a file's fault.
            bug.compareAndSet(null, e);
            toImport.stop();
          }
          finally {
            finished.add(Optional.empty());
          }
        });
      }
      workers.shutdown();
      Instant lastReport = clock.instant();
      for (int ended = 0; ended < started; ) {
        Optional<ImportedFile> outcome = finished.poll(progressInterval.toMillis(), TimeUnit.MILLISECONDS);
        if (outcome != null && outcome.isPresent()) {
          summary.done(outcome.get());
        }
        else if (outcome != null) {
          ended++;
        }
        Instant now = clock.instant();
        if (!Duration.between(lastReport, now).minus(progressInterval).isNegative()) {
          progress.accept(summary);
          lastReport = now;
        }
      }
      if (bug.get() != null) {
        throw new IllegalStateException("An import worker failed", bug.get());
      }
      return toImport.allTaken();
    }
    finally {
      // Also when this thread is interrupted: no worker may go on taking files once the run is left.
      toImport.stop();
      workers.shutdown();
    }
  }

  /** The files not yet taken, handed out one at a time to whichever worker asks, until the run is cancelled. */
  private static final class RemainingFiles
  {
    private final Iterator<SourceFile> next;

    private final BooleanSupplier canceled;

    private boolean stopped;

    RemainingFiles(final List<SourceFile> files, final BooleanSupplier canceled) {
      this.next = files.iterator();
      this.canceled = canceled;
    }

    /** The next file, or null when all are taken or the run is cancelled. */
    synchronized SourceFile next() {
      stopped = stopped || canceled.getAsBoolean();
      return !stopped && next.hasNext() ? next.next() : null;
    }

    synchronized void stop() {
      stopped = true;
    }

    synchronized boolean allTaken() {
      return !next.hasNext();
    }
  }
}
