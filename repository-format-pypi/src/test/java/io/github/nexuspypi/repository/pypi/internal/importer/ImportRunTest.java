package io.github.nexuspypi.repository.pypi.internal.importer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import io.github.nexuspypi.repository.pypi.SourceDetails;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportRunTest
{
  private static final Clock CLOCK = Clock.systemUTC();

  private static List<SourceFile> files(final int count) {
    List<SourceFile> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      files.add(new SourceFile("demo-" + i + ".0-py3-none-any.whl", "demo" + (i % 3), "/src/" + i, null,
          SourceDetails.NONE));
    }
    return files;
  }

  private static ImportSummary summary() {
    return new ImportSummary("hosted", "/src", Instant.now());
  }

  @Test
  void neverImportsMoreFilesAtOnceThanTheBoundAndCountsEveryOutcome() throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Function<SourceFile, ImportedFile> importer = file -> {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      Thread.yield();
      running.decrementAndGet();
      boolean refused = file.location().endsWith("7");
      return new ImportedFile(file, refused ? ImportOutcome.REFUSED : ImportOutcome.IMPORTED,
          refused ? "bad" : null, 10);
    };
    ImportSummary summary = summary();
    List<SourceFile> files = files(40);
    summary.listed(files);

    assertTrue(new ImportRun(importer, 3, Duration.ofMillis(50), CLOCK).run(files, summary, () -> false, s -> { }));

    assertTrue(most.get() <= 3, "at most 3 at once, saw " + most.get());
    assertEquals(36, summary.count(ImportOutcome.IMPORTED));
    assertEquals(4, summary.count(ImportOutcome.REFUSED));
    assertEquals(40, summary.toMap().get("filesDone"));
    assertEquals(3, summary.toMap().get("projectsDone"));
    assertEquals(4, ((List<?>) summary.toMap().get("problems")).size());
  }

  /**
   * The run ends when its last worker does, not at the next progress report: the worker here ends only after the
   * task's thread has counted every file, and reports are a day apart (the old loop then waited out that day).
   */
  @Test
  void theRunEndsWithItsLastWorkerNotAtTheNextReport() {
    ImportSummary summary = summary();
    List<SourceFile> files = files(5);
    summary.listed(files);
    BooleanSupplier endsOnceAllAreCounted = () -> {
      for (int tries = 0; tries < 1_000 && summary.count(ImportOutcome.IMPORTED) < files.size(); tries++) {
        try {
          Thread.sleep(5);
        }
        catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return false;
    };
    Function<SourceFile, ImportedFile> importer = file -> new ImportedFile(file, ImportOutcome.IMPORTED, null, 1);

    ImportRun run = new ImportRun(importer, 1, Duration.ofDays(1), CLOCK);

    boolean complete = assertTimeoutPreemptively(Duration.ofMinutes(1),
        () -> run.run(files, summary, endsOnceAllAreCounted, s -> { }));

    assertTrue(complete);
    assertEquals(5, summary.count(ImportOutcome.IMPORTED));
  }

  @Test
  void cancellingHandsOutNoMoreFilesAndWaitsForThoseUnderWay() throws Exception {
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger started = new AtomicInteger();
    Function<SourceFile, ImportedFile> importer = file -> {
      started.incrementAndGet();
      firstStarted.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      }
      catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new ImportedFile(file, ImportOutcome.IMPORTED, null, 1);
    };
    ImportSummary summary = summary();
    List<SourceFile> files = files(10);
    summary.listed(files);

    boolean complete = new ImportRun(importer, 2, Duration.ofMillis(20), CLOCK).run(files, summary, () -> {
      if (firstStarted.getCount() == 0) {
        release.countDown();
        return true;
      }
      return false;
    }, s -> { });

    assertFalse(complete);
    assertEquals(started.get(), summary.count(ImportOutcome.IMPORTED), "every file handed out ended");
    assertTrue(started.get() <= 4, "no more files once cancelled, saw " + started.get());
  }

  @Test
  void aWorkerTakesTheNextFileWithoutWaitingForTheTaskThread() throws Exception {
    CountDownLatch allStarted = new CountDownLatch(12);
    Function<SourceFile, ImportedFile> importer = file -> {
      allStarted.countDown();
      return new ImportedFile(file, ImportOutcome.IMPORTED, null, 1);
    };
    ImportSummary summary = summary();
    List<SourceFile> files = files(12);
    summary.listed(files);
    AtomicInteger reports = new AtomicInteger();

    // The task's thread is held in its first progress report until every file has been started.
    assertTrue(new ImportRun(importer, 2, Duration.ofMillis(1), CLOCK).run(files, summary, () -> false, s -> {
      if (reports.getAndIncrement() == 0) {
        try {
          assertTrue(allStarted.await(10, TimeUnit.SECONDS), "the workers waited for the task's thread");
        }
        catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }));

    assertEquals(12, summary.count(ImportOutcome.IMPORTED));
  }
}
