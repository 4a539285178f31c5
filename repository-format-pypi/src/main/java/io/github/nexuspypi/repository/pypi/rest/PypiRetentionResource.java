package io.github.nexuspypi.repository.pypi.rest;

import java.time.Clock;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import io.github.nexuspypi.repository.pypi.internal.PypiPaths;
import io.github.nexuspypi.repository.pypi.internal.retention.RetentionOptions;
import io.github.nexuspypi.repository.pypi.internal.retention.RetentionPass;
import io.github.nexuspypi.repository.pypi.internal.retention.RetentionReport;
import io.github.nexuspypi.repository.pypi.internal.retention.RetentionReports;

import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.content.maintenance.MaintenanceService;
import org.sonatype.nexus.rest.Resource;
import org.sonatype.nexus.rest.WebApplicationMessageException;
import org.sonatype.nexus.security.BreadActions;

import io.swagger.annotations.Api;
import io.swagger.annotations.ApiOperation;
import org.apache.shiro.authz.annotation.RequiresAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static javax.ws.rs.core.Response.Status.BAD_REQUEST;
import static javax.ws.rs.core.Response.Status.NOT_FOUND;

/**
 * Runs a retention pass over a hosted repository now (dry run or not) and answers its report, and reads the latest
 * report, also of a scheduled "PyPI - Keep the newest releases" task: Nexus 3.71's own task REST can only list and
 * start tasks that exist. Releases are deleted as the caller, through Nexus's component deletion.
 */
@Named
@Singleton
@Path(PypiRetentionResource.RESOURCE_URI)
@Api("pypi")
public class PypiRetentionResource
    implements Resource
{
  static final String RESOURCE_URI = "/v1/pypi/{repository}/retention";

  private static final Logger log = LoggerFactory.getLogger(PypiRetentionResource.class);

  private final HostedRepositoryAccess access;

  private final RetentionReports reports;

  private final RetentionPass pass;

  @Inject
  public PypiRetentionResource(final HostedRepositoryAccess access, final RetentionReports reports,
                               final MaintenanceService maintenanceService)
  {
    this.access = access;
    this.reports = reports;
    this.pass = new RetentionPass(Clock.systemUTC(), new CallerReleaseDeletion(maintenanceService));
  }

  @ApiOperation("Keep the newest releases of each project of a PyPI hosted repository and delete older ones")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RequiresAuthentication
  public RetentionReport run(@PathParam("repository") final String repositoryName, final RetentionRequest request) {
    Repository repository = permitted(repositoryName);
    RetentionOptions options = options(request);
    log.info("Retention in '{}' asked through REST: {}", repositoryName, options);
    RetentionReport report = pass.run(repository, options, line -> log.info("{}", line));
    reports.record(report);
    log.info("{}", report.summary());
    return report;
  }

  @ApiOperation("The latest retention report of a PyPI hosted repository, from REST or a scheduled task")
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RequiresAuthentication
  public RetentionReport latest(@PathParam("repository") final String repositoryName) {
    permitted(repositoryName);
    return reports.latest(repositoryName).orElseThrow(() -> new WebApplicationMessageException(NOT_FOUND,
        "No retention pass has run on '" + repositoryName + "' since Nexus started.", MediaType.TEXT_PLAIN));
  }

  private Repository permitted(final String repositoryName) {
    access.ensurePermitted(repositoryName, BreadActions.DELETE, PypiPaths.PACKAGES, "Retention in '"
        + repositoryName + "' needs the 'delete' privilege on a PyPI hosted repository of that name"
        + " (nx-repository-view-pypi-" + repositoryName + "-delete), which you do not have.");
    return access.hosted(repositoryName);
  }

  private static RetentionOptions options(final RetentionRequest request) {
    if (request == null || request.getKeepFinalReleases() == null || request.getDays() == null) {
      throw new WebApplicationMessageException(BAD_REQUEST, "Say how many final releases to keep and for how many"
          + " days older pre-releases and downloaded releases stay: {\"keepFinalReleases\": 10, \"days\": 30}."
          + " Optional: \"projectPattern\", \"deleteLastRelease\", \"dryRun\".", MediaType.TEXT_PLAIN);
    }
    try {
      return RetentionOptions.of(request.getKeepFinalReleases(), request.getDays(), request.isDeleteLastRelease(),
          Optional.ofNullable(request.getProjectPattern()), request.isDryRun());
    }
    catch (IllegalArgumentException e) {
      throw new WebApplicationMessageException(BAD_REQUEST, e.getMessage(), MediaType.TEXT_PLAIN);
    }
  }
}
