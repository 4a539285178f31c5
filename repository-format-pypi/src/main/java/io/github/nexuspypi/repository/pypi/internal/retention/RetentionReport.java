package io.github.nexuspypi.repository.pypi.internal.retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a retention pass did, or in a dry run would do: the releases it deleted, with why, and those it could not.
 * Serialised as the REST answer; its getters are the JSON fields.
 */
public final class RetentionReport
{
  private final String repository;

  private final String options;

  private final boolean dryRun;

  private final String started;

  private String finished;

  private int projects;

  private int releasesKept;

  private final List<Entry> deleted = new ArrayList<>();

  private final List<Entry> failed = new ArrayList<>();

  RetentionReport(final String repository, final RetentionOptions options, final Instant started) {
    this.repository = repository;
    this.options = options.toString();
    this.dryRun = options.dryRun();
    this.started = started.toString();
  }

  void projectExamined() {
    projects++;
  }

  void kept() {
    releasesKept++;
  }

  void deleted(final String project, final String version, final String reason) {
    deleted.add(new Entry(project, version, reason));
  }

  void failed(final String project, final String version, final String reason) {
    failed.add(new Entry(project, version, reason));
  }

  void finish(final Instant when) {
    finished = when.toString();
  }

  public String getRepository() {
    return repository;
  }

  public String getOptions() {
    return options;
  }

  public boolean isDryRun() {
    return dryRun;
  }

  public String getStarted() {
    return started;
  }

  public String getFinished() {
    return finished;
  }

  public int getProjects() {
    return projects;
  }

  public int getReleasesKept() {
    return releasesKept;
  }

  /** In a dry run, the releases the pass would delete. */
  public List<Entry> getDeleted() {
    return Collections.unmodifiableList(deleted);
  }

  public List<Entry> getFailed() {
    return Collections.unmodifiableList(failed);
  }

  public String summary() {
    return (dryRun ? "Dry run: would delete " : "Deleted ") + deleted.size() + " releases of " + projects
        + " projects in '" + repository + "', kept " + releasesKept + (failed.isEmpty() ? ""
        : ", failed to delete " + failed.size());
  }

  /** One release: normalised project name, version as stored, and why. */
  public static final class Entry
  {
    private final String project;

    private final String version;

    private final String reason;

    Entry(final String project, final String version, final String reason) {
      this.project = project;
      this.version = version;
      this.reason = reason;
    }

    public String getProject() {
      return project;
    }

    public String getVersion() {
      return version;
    }

    public String getReason() {
      return reason;
    }
  }
}
