package io.github.nexuspypi.repository.pypi.internal.retention;

import java.time.Clock;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import io.github.nexuspypi.repository.pypi.internal.PypiFormat;

import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.RepositoryTaskSupport;
import org.sonatype.nexus.repository.content.maintenance.ContentMaintenanceFacet;
import org.sonatype.nexus.repository.types.HostedType;
import org.sonatype.nexus.scheduling.Cancelable;
import org.sonatype.nexus.scheduling.TaskConfiguration;

import static io.github.nexuspypi.repository.pypi.internal.retention.RetentionTaskDescriptor.DAYS_FIELD_ID;
import static io.github.nexuspypi.repository.pypi.internal.retention.RetentionTaskDescriptor.DEFAULT_DAYS;
import static io.github.nexuspypi.repository.pypi.internal.retention.RetentionTaskDescriptor.DEFAULT_KEEP;
import static io.github.nexuspypi.repository.pypi.internal.retention.RetentionTaskDescriptor.DELETE_LAST_FIELD_ID;
import static io.github.nexuspypi.repository.pypi.internal.retention.RetentionTaskDescriptor.DRY_RUN_FIELD_ID;
import static io.github.nexuspypi.repository.pypi.internal.retention.RetentionTaskDescriptor.KEEP_FIELD_ID;
import static io.github.nexuspypi.repository.pypi.internal.retention.RetentionTaskDescriptor.PROJECTS_FIELD_ID;

/**
 * The scheduled retention pass over one or every PyPI hosted repository. Whoever may create tasks is an admin, so the
 * releases are deleted through the repository's maintenance facet directly, without a privilege check of the
 * (absent) user. Each deletion and the summary go to the task's log; the report also to {@link RetentionReports}.
 */
@Named
public class RetentionTask
    extends RepositoryTaskSupport
    implements Cancelable
{
  private final RetentionReports reports;

  private final RetentionPass pass = new RetentionPass(Clock.systemUTC(),
      (repository, release) -> repository.facet(ContentMaintenanceFacet.class).deleteComponent(release));

  @Inject
  public RetentionTask(final RetentionReports reports) {
    this.reports = reports;
  }

  @Override
  protected void execute(final Repository repository) {
    RetentionOptions options = options(getConfiguration());
    log.info("Retention in '{}': {}", repository.getName(), options);
    RetentionReport report = pass.run(repository, options, line -> log.info("{}", line));
    reports.record(report);
    log.info("{}", report.summary());
  }

  static RetentionOptions options(final TaskConfiguration configuration) {
    return RetentionOptions.of(
        configuration.getInteger(KEEP_FIELD_ID, DEFAULT_KEEP),
        configuration.getInteger(DAYS_FIELD_ID, DEFAULT_DAYS),
        configuration.getBoolean(DELETE_LAST_FIELD_ID, false),
        Optional.ofNullable(configuration.getString(PROJECTS_FIELD_ID)),
        configuration.getBoolean(DRY_RUN_FIELD_ID, false));
  }

  @Override
  protected boolean appliesTo(final Repository repository) {
    return PypiFormat.NAME.equals(repository.getFormat().getValue())
        && HostedType.NAME.equals(repository.getType().getValue());
  }

  @Override
  public String getMessage() {
    return "Keeping the newest releases in " + getRepositoryField();
  }
}
