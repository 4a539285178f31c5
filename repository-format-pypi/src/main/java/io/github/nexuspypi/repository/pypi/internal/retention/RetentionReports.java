package io.github.nexuspypi.repository.pypi.internal.retention;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.inject.Named;
import javax.inject.Singleton;

/**
 * The latest retention report of each repository, whether a scheduled task or REST ran the pass, for REST to read.
 * Held in memory only: a restart forgets them, and the task's log keeps every run's lines.
 */
@Named
@Singleton
public class RetentionReports
{
  private final Map<String, RetentionReport> latest = new ConcurrentHashMap<>();

  public void record(final RetentionReport report) {
    latest.put(report.getRepository(), report);
  }

  public Optional<RetentionReport> latest(final String repository) {
    return Optional.ofNullable(latest.get(repository));
  }
}
