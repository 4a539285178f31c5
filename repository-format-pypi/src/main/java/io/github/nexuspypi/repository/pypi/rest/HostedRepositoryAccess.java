package io.github.nexuspypi.repository.pypi.rest;

import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import javax.ws.rs.core.MediaType;

import io.github.nexuspypi.core.name.ProjectName;
import io.github.nexuspypi.repository.pypi.internal.PypiFormat;
import io.github.nexuspypi.repository.pypi.internal.PypiPaths;

import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.manager.RepositoryManager;
import org.sonatype.nexus.repository.security.ContentPermissionChecker;
import org.sonatype.nexus.repository.security.VariableResolverAdapter;
import org.sonatype.nexus.repository.types.HostedType;
import org.sonatype.nexus.rest.WebApplicationMessageException;

import static javax.ws.rs.core.Response.Status.FORBIDDEN;
import static javax.ws.rs.core.Response.Status.NOT_FOUND;

/**
 * How our REST resources reach a PyPI hosted repository: the caller's privilege is checked first, against a path the
 * request names, so that whoever lacks it gets one answer whether the repository, project or release exists or not;
 * only then is the repository looked up. The check needs no repository: a privilege names it, and a content selector
 * sees the path.
 */
@Named
@Singleton
public class HostedRepositoryAccess
{
  private final RepositoryManager repositoryManager;

  private final ContentPermissionChecker permissionChecker;

  private final VariableResolverAdapter variableResolverAdapter;

  @Inject
  public HostedRepositoryAccess(final RepositoryManager repositoryManager,
                                final ContentPermissionChecker permissionChecker,
                                @Named("simple") final VariableResolverAdapter variableResolverAdapter)
  {
    this.repositoryManager = repositoryManager;
    this.permissionChecker = permissionChecker;
    this.variableResolverAdapter = variableResolverAdapter;
  }

  /** The path of a project's files, for a check: the name as given when it is no valid project name. */
  public static String projectPath(final String project) {
    return PypiPaths.projectPrefix(ProjectName.isValid(project) ? ProjectName.normalize(project) : project);
  }

  /**
   * @param refusal the 403's message, which names the privilege needed
   */
  public void ensurePermitted(final String repositoryName, final String action, final String path,
                              final String refusal)
  {
    if (!permissionChecker.isPermitted(repositoryName, PypiFormat.NAME, action,
        variableResolverAdapter.fromPath(path, PypiFormat.NAME))) {
      throw new WebApplicationMessageException(FORBIDDEN, refusal, MediaType.TEXT_PLAIN);
    }
  }

  /** The PyPI hosted repository of that name; a 404 when there is none. */
  public Repository hosted(final String repositoryName) {
    Repository repository = repositoryManager.get(repositoryName);
    if (repository == null || !PypiFormat.NAME.equals(repository.getFormat().getValue())
        || !HostedType.NAME.equals(repository.getType().getValue())) {
      throw new WebApplicationMessageException(NOT_FOUND, "No PyPI hosted repository '" + repositoryName + "'.",
          MediaType.TEXT_PLAIN);
    }
    return repository;
  }
}
