package io.github.nexuspypi.repository.pypi.rest;

import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.github.nexuspypi.core.name.ProjectName;
import io.github.nexuspypi.core.version.Version;
import io.github.nexuspypi.repository.pypi.internal.hosted.MissingPrivilegeException;
import io.github.nexuspypi.repository.pypi.internal.hosted.PypiHostedFacet;

import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.rest.Resource;
import org.sonatype.nexus.rest.WebApplicationMessageException;
import org.sonatype.nexus.security.BreadActions;

import io.swagger.annotations.Api;
import io.swagger.annotations.ApiOperation;
import org.apache.shiro.authz.annotation.RequiresAuthentication;

import static javax.ws.rs.core.Response.Status.FORBIDDEN;
import static javax.ws.rs.core.Response.Status.NOT_FOUND;

/**
 * Yanking (PEP 592) a release of a hosted repository: pip then installs it only when pinned to exactly that
 * version. PyPI yanks from its web UI; Nexus admins and pipelines do it here.
 */
@Named
@Singleton
@Path(PypiYankResource.RESOURCE_URI)
@Api("pypi")
public class PypiYankResource
    implements Resource
{
  static final String RESOURCE_URI = "/v1/pypi/{repository}/projects/{project}/releases/{version}/yank";

  private final HostedRepositoryAccess access;

  @Inject
  public PypiYankResource(final HostedRepositoryAccess access) {
    this.access = access;
  }

  @ApiOperation("Yank a release of a PyPI hosted repository")
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @RequiresAuthentication
  public Response yank(@PathParam("repository") final String repository,
                       @PathParam("project") final String project,
                       @PathParam("version") final String version,
                       final YankRequest request)
  {
    return apply(repository, project, version, request == null || request.getReason() == null ? ""
        : request.getReason());
  }

  @ApiOperation("Un-yank a release of a PyPI hosted repository")
  @DELETE
  @RequiresAuthentication
  public Response unyank(@PathParam("repository") final String repository,
                         @PathParam("project") final String project,
                         @PathParam("version") final String version)
  {
    return apply(repository, project, version, null);
  }

  private Response apply(final String repositoryName, final String project, final String version,
                         final String reason)
  {
    access.ensurePermitted(repositoryName, BreadActions.READ, HostedRepositoryAccess.projectPath(project),
        "Yanking releases of '" + project + "' in '" + repositoryName + "' needs the 'read' and 'edit' privileges"
            + " on them in a PyPI hosted repository of that name, which you do not have.");
    Repository repository = access.hosted(repositoryName);
    Optional<Version> release = Version.tryParse(version);
    boolean found;
    try {
      found = ProjectName.isValid(project) && release.isPresent()
          && repository.facet(PypiHostedFacet.class).yank(ProjectName.normalize(project), release.get(), reason);
    }
    catch (MissingPrivilegeException e) {
      throw new WebApplicationMessageException(FORBIDDEN, e.getMessage(), MediaType.TEXT_PLAIN);
    }
    if (!found) {
      throw new WebApplicationMessageException(NOT_FOUND,
          "No release " + version + " of '" + project + "' in '" + repositoryName + "'.");
    }
    return Response.noContent().build();
  }
}
