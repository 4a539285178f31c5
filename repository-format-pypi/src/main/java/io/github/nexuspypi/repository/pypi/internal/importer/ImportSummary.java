package io.github.nexuspypi.repository.pypi.internal.importer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.annotation.Nullable;

/**
 * What an import has done so far: the counts behind its progress lines, and each file not imported nor skipped with
 * its reason (the first {@value #MAX_PROBLEMS}; the counts go on). Files finish on several threads at once.
 */
final class ImportSummary
{
  static final int MAX_PROBLEMS = 1000;

  enum State
  {
    LISTING, RUNNING, DONE, CANCELED, FAILED;

    /** Whether a summary's {@code state} says the run had not ended when it was written. */
    static boolean isUnderWay(final String state) {
      return LISTING.name().equalsIgnoreCase(state) || RUNNING.name().equalsIgnoreCase(state);
    }
  }

  private final String repository;

  private final String source;

  private final Instant started;

  private State state = State.LISTING;

  @Nullable
  private String message;

  @Nullable
  private Instant finished;

  private final Map<String, AtomicInteger> remainingByProject = new HashMap<>();

  private int projectsDone;

  private int filesTotal;

  private int filesDone;

  private long bytes;

  private final Map<ImportOutcome, Integer> counts = new EnumMap<>(ImportOutcome.class);

  private final List<Map<String, String>> problems = new ArrayList<>();

  ImportSummary(final String repository, final String source, final Instant started) {
    this.repository = repository;
    this.source = source;
    this.started = started;
  }

  synchronized void listed(final List<SourceFile> files) {
    files.forEach(file -> remainingByProject.computeIfAbsent(file.project(), project -> new AtomicInteger())
        .incrementAndGet());
    filesTotal = files.size();
    state = State.RUNNING;
  }

  synchronized void done(final ImportedFile file) {
    filesDone++;
    bytes += file.bytes();
    counts.merge(file.outcome(), 1, Integer::sum);
    AtomicInteger remaining = remainingByProject.get(file.file().project());
    if (remaining != null && remaining.decrementAndGet() == 0) {
      projectsDone++;
    }
    if (file.reason() != null && problems.size() < MAX_PROBLEMS) {
      Map<String, String> problem = new LinkedHashMap<>();
      problem.put("file", file.file().filename());
      problem.put("project", file.file().project());
      problem.put("outcome", file.outcome().name().toLowerCase(Locale.ROOT));
      problem.put("reason", file.reason());
      problem.put("location", file.file().location());
      problems.add(problem);
    }
  }

  synchronized void finish(final State end, @Nullable final String why, final Instant now) {
    state = end;
    message = why;
    finished = now;
  }

  synchronized int count(final ImportOutcome outcome) {
    return counts.getOrDefault(outcome, 0);
  }

  /** A line for the task log: projects and files done of total, bytes, rate. */
  synchronized String progress(final Instant now) {
    double seconds = Math.max(Duration.between(started, now).toMillis(), 1) / 1000.0;
    return String.format(Locale.ROOT,
        "Import into %s: projects %d of %d, files %d of %d (imported %d, skipped %d, conflicts %d, refused %d,"
            + " failed %d), %.1f MiB, %.1f files/s, %.2f MiB/s",
        repository, projectsDone, remainingByProject.size(), filesDone, filesTotal, count(ImportOutcome.IMPORTED),
        count(ImportOutcome.SKIPPED), count(ImportOutcome.CONFLICT), count(ImportOutcome.REFUSED),
        count(ImportOutcome.FAILED), bytes / 1048576.0, filesDone / seconds, bytes / 1048576.0 / seconds);
  }

  /** The files not imported nor skipped, each with its outcome and reason, as far as they are kept. */
  synchronized List<Map<String, String>> problems() {
    return new ArrayList<>(problems);
  }

  /** The summary as REST answers it. */
  synchronized Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("repository", repository);
    map.put("source", source);
    map.put("state", state.name().toLowerCase(Locale.ROOT));
    if (message != null) {
      map.put("message", message);
    }
    map.put("started", started.toString());
    if (finished != null) {
      map.put("finished", finished.toString());
    }
    map.put("projectsTotal", remainingByProject.size());
    map.put("projectsDone", projectsDone);
    map.put("filesTotal", filesTotal);
    map.put("filesDone", filesDone);
    map.put("bytes", bytes);
    for (ImportOutcome outcome : ImportOutcome.values()) {
      map.put(outcome.name().toLowerCase(Locale.ROOT), count(outcome));
    }
    map.put("problems", problems());
    return map;
  }
}
