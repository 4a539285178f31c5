package io.github.nexuspypi.repository.pypi.internal.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.github.nexuspypi.core.index.ProjectListEntry;
import io.github.nexuspypi.core.index.ProjectListWriter;
import io.github.nexuspypi.core.retention.ReleaseVerdict;
import io.github.nexuspypi.core.retention.RetentionPlan;
import io.github.nexuspypi.core.retention.StoredRelease;
import io.github.nexuspypi.repository.pypi.PypiContentFacet;

import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.content.fluent.FluentComponent;
import org.sonatype.nexus.scheduling.CancelableHelper;

/**
 * One retention pass over a hosted repository: each covered project's releases go through pypi-core's
 * {@link RetentionPlan}, and the releases it selects are deleted one by one, or only reported in a dry run. A release
 * that fails to delete is reported and the pass goes on.
 */
public final class RetentionPass
{
  private final Clock clock;

  private final ReleaseDeletion deletion;

  public RetentionPass(final Clock clock, final ReleaseDeletion deletion) {
    this.clock = clock;
    this.deletion = deletion;
  }

  /**
   * @param log receives a line per release deleted (or to be deleted) and per failure
   */
  public RetentionReport run(final Repository repository, final RetentionOptions options, final Consumer<String> log) {
    PypiContentFacet content = repository.facet(PypiContentFacet.class);
    RetentionReport report = new RetentionReport(repository.getName(), options, clock.instant());
    for (String project : projects(content)) {
      if (options.covers(project)) {
        CancelableHelper.checkCancellation();
        apply(repository, new ProjectReleases(content, project), options, report, log);
      }
    }
    report.finish(clock.instant());
    return report;
  }

  /** The names only: a pass deletes releases as it goes, so the list is taken whole first. */
  private static List<String> projects(final PypiContentFacet content) {
    List<String> projects = new ArrayList<>();
    try {
      content.projects(new ProjectListWriter()
      {
        @Override
        public void add(final ProjectListEntry project) {
          projects.add(project.normalizedName());
        }

        @Override
        public void close() {
          // Nothing to end: the names are collected.
        }
      });
    }
    catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return projects;
  }

  private void apply(final Repository repository, final ProjectReleases releases, final RetentionOptions options,
                     final RetentionReport report, final Consumer<String> log)
  {
    report.projectExamined();
    Map<StoredRelease, String> stored = releases.stored();
    RetentionPlan plan = RetentionPlan.of(stored.keySet(), options.rules(), clock.instant());
    for (ReleaseVerdict verdict : plan.verdicts()) {
      if (!verdict.delete()) {
        report.kept();
        continue;
      }
      String project = releases.project();
      String version = storedVersion(stored, verdict);
      if (options.dryRun()) {
        report.deleted(project, version, verdict.reason());
        log.accept("Would delete " + project + " " + version + ": " + verdict.reason());
        continue;
      }
      try {
        Optional<FluentComponent> release = releases.find(verdict.version());
        if (release.isPresent()) {
          deletion.delete(repository, release.get());
        }
        report.deleted(project, version, verdict.reason());
        log.accept("Deleted " + project + " " + version + ": " + verdict.reason());
      }
      catch (RuntimeException e) {
        report.failed(project, version, e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        log.accept("Could not delete " + project + " " + version + ": " + e);
      }
    }
  }

  private static String storedVersion(final Map<StoredRelease, String> stored, final ReleaseVerdict verdict) {
    return stored.entrySet().stream().filter(entry -> entry.getKey().version().equals(verdict.version()))
        .map(Map.Entry::getValue).findFirst().orElseGet(() -> verdict.version().toString());
  }
}
