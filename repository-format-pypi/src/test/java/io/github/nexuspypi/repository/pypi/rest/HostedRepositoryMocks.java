package io.github.nexuspypi.repository.pypi.rest;

import io.github.nexuspypi.repository.pypi.internal.PypiFormat;

import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.manager.RepositoryManager;
import org.sonatype.nexus.repository.security.ContentPermissionChecker;
import org.sonatype.nexus.repository.security.VariableResolverAdapter;
import org.sonatype.nexus.repository.types.HostedType;
import org.sonatype.nexus.rest.WebApplicationMessageException;
import org.sonatype.nexus.selector.VariableSource;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

/**
 * What our REST resources reach a hosted repository through, mocked: the PyPI hosted repository {@link #REPOSITORY}
 * that the repository manager holds, and the privileges a test grants on paths in it.
 */
final class HostedRepositoryMocks
{
  static final String REPOSITORY = "pypi-hosted";

  final RepositoryManager repositoryManager = mock(RepositoryManager.class, withSettings().lenient());

  final ContentPermissionChecker permissions = mock(ContentPermissionChecker.class, withSettings().lenient());

  final VariableResolverAdapter variables = mock(VariableResolverAdapter.class, withSettings().lenient());

  final Repository repository = mock(Repository.class, withSettings().lenient());

  HostedRepositoryMocks() {
    when(repositoryManager.get(REPOSITORY)).thenReturn(repository);
    when(repository.getName()).thenReturn(REPOSITORY);
    when(repository.getFormat()).thenReturn(new PypiFormat());
    when(repository.getType()).thenReturn(new HostedType());
  }

  HostedRepositoryAccess access() {
    return new HostedRepositoryAccess(repositoryManager, permissions, variables);
  }

  /** What a content selector sees of {@code path}; the privilege is asked about it. */
  VariableSource path(final String path) {
    VariableSource source = mock(VariableSource.class);
    when(variables.fromPath(path, PypiFormat.NAME)).thenReturn(source);
    return source;
  }

  void permit(final String repositoryName, final String action, final VariableSource path,
              final boolean permitted)
  {
    when(permissions.isPermitted(repositoryName, PypiFormat.NAME, action, path)).thenReturn(permitted);
  }

  /** The status of the error answer a call throws. */
  static int status(final Runnable call) {
    return refusal(call).getResponse().getStatus();
  }

  static WebApplicationMessageException refusal(final Runnable call) {
    return assertThrows(WebApplicationMessageException.class, call::run);
  }
}
