package io.github.nexuspypi.repository.pypi.rest;

import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import javax.ws.rs.DELETE;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.github.nexuspypi.core.name.ProjectName;
import io.github.nexuspypi.core.version.Version;
import io.github.nexuspypi.repository.pypi.PypiContentFacet;
import io.github.nexuspypi.repository.pypi.internal.retention.ProjectReleases;

import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.content.fluent.FluentComponent;
import org.sonatype.nexus.repository.content.maintenance.MaintenanceService;
import org.sonatype.nexus.rest.Resource;
import org.sonatype.nexus.rest.WebApplicationMessageException;
import org.sonatype.nexus.security.BreadActions;

import io.swagger.annotations.Api;
import io.swagger.annotations.ApiOperation;
import org.apache.shiro.authz.AuthorizationException;
import org.apache.shiro.authz.annotation.RequiresAuthentication;

import static javax.ws.rs.core.Response.Status.FORBIDDEN;
import static javax.ws.rs.core.Response.Status.NOT_FOUND;

/**
 * Deleting a release, or a whole project, of a hosted repository in PyPI terms: the project by any spelling of its
 * name, the release by any PEP 440 spelling of its version ({@code 1.0} deletes the release stored as
 * {@code 1.0.0}). Each release goes through Nexus's component deletion, as from the UI, which checks the caller's
 * {@code delete} privilege on every file.
 */
@Named
@Singleton
@Path(PypiReleasesResource.RESOURCE_URI)
@Api("pypi")
public class PypiReleasesResource
    implements Resource
{
  static final String RESOURCE_URI = "/v1/pypi/{repository}/projects/{project}";

  private final HostedRepositoryAccess access;

  private final MaintenanceService maintenanceService;

  @Inject
  public PypiReleasesResource(final HostedRepositoryAccess access, final MaintenanceService maintenanceService) {
    this.access = access;
    this.maintenanceService = maintenanceService;
  }

  @ApiOperation("Delete a release of a project in a PyPI hosted repository, with all its files")
  @DELETE
  @Path("releases/{version}")
  @RequiresAuthentication
  public Response deleteRelease(@PathParam("repository") final String repositoryName,
                                @PathParam("project") final String project,
                                @PathParam("version") final String version)
  {
    Repository repository = permitted(repositoryName, project);
    Optional<Version> parsed = Version.tryParse(version);
    Optional<FluentComponent> release = ProjectName.isValid(project) && parsed.isPresent()
        ? releases(repository, project).find(parsed.get()) : Optional.empty();
    if (release.isEmpty()) {
      throw new WebApplicationMessageException(NOT_FOUND,
          "No release " + version + " of '" + project + "' in '" + repositoryName + "'.", MediaType.TEXT_PLAIN);
    }
    delete(repository, List.of(release.get()), project);
    return Response.noContent().build();
  }

  @ApiOperation("Delete a project from a PyPI hosted repository: every release and file")
  @DELETE
  @RequiresAuthentication
  public Response deleteProject(@PathParam("repository") final String repositoryName,
                                @PathParam("project") final String project)
  {
    Repository repository = permitted(repositoryName, project);
    List<FluentComponent> all = ProjectName.isValid(project) ? releases(repository, project).all() : List.of();
    if (all.isEmpty()) {
      throw new WebApplicationMessageException(NOT_FOUND,
          "No project '" + project + "' in '" + repositoryName + "'.", MediaType.TEXT_PLAIN);
    }
    delete(repository, all, project);
    return Response.noContent().build();
  }

  private Repository permitted(final String repositoryName, final String project) {
    access.ensurePermitted(repositoryName, BreadActions.DELETE, HostedRepositoryAccess.projectPath(project),
        deleteRefused(repositoryName, project));
    return access.hosted(repositoryName);
  }

  private static ProjectReleases releases(final Repository repository, final String project) {
    return new ProjectReleases(repository.facet(PypiContentFacet.class), ProjectName.normalize(project));
  }

  private void delete(final Repository repository, final List<FluentComponent> releases, final String project) {
    try {
      for (FluentComponent release : releases) {
        maintenanceService.deleteComponent(repository, release);
      }
    }
    catch (AuthorizationException e) {
      // A content selector that covers some of the project's files only.
      throw new WebApplicationMessageException(FORBIDDEN, deleteRefused(repository.getName(), project),
          MediaType.TEXT_PLAIN);
    }
  }

  private static String deleteRefused(final String repositoryName, final String project) {
    return "Deleting releases of '" + project + "' in '" + repositoryName + "' needs the 'delete' privilege on them"
        + " in a PyPI hosted repository of that name (nx-repository-view-pypi-" + repositoryName + "-delete),"
        + " which you do not have.";
  }
}
