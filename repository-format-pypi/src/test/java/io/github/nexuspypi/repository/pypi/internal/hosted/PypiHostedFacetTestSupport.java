package io.github.nexuspypi.repository.pypi.internal.hosted;

import io.github.nexuspypi.repository.pypi.PypiContentFacet;
import io.github.nexuspypi.repository.pypi.internal.PypiFormat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.security.ContentPermissionChecker;
import org.sonatype.nexus.repository.security.VariableResolverAdapter;
import org.sonatype.nexus.selector.VariableSource;

import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.when;

/**
 * A hosted facet attached to a repository whose content and privileges are mocks; every path checked resolves to
 * the same variables, so that a permission is granted or refused per action.
 */
@ExtendWith(MockitoExtension.class)
abstract class PypiHostedFacetTestSupport
{
  static final String REPOSITORY = "pypi-hosted";

  static final String WHEEL = "demo-1.0-py3-none-any.whl";

  static final String WHEEL_PATH = "/packages/demo/1.0/" + WHEEL;

  static final String SHA256 = "1111111111111111111111111111111111111111111111111111111111111111";

  static final String OTHER_SHA256 = "2222222222222222222222222222222222222222222222222222222222222222";

  @Mock
  Repository repository;

  @Mock
  PypiContentFacet content;

  @Mock
  ContentPermissionChecker permissions;

  @Mock
  VariableResolverAdapter variables;

  @Mock
  VariableSource pathVariables;

  PypiHostedFacet facet;

  @BeforeEach
  void attachFacet() throws Exception {
    facet = new PypiHostedFacet(permissions, variables);
    facet.attach(repository);
    lenient().when(repository.getName()).thenReturn(REPOSITORY);
    lenient().when(repository.getFormat()).thenReturn(new PypiFormat());
    lenient().when(repository.facet(PypiContentFacet.class)).thenReturn(content);
  }

  /** Paths whose privileges may be checked. */
  void checkable(final String... paths) {
    for (String path : paths) {
      lenient().when(variables.fromPath(path, PypiFormat.NAME)).thenReturn(pathVariables);
    }
  }

  void permit(final String action, final boolean permitted) {
    when(permissions.isPermitted(REPOSITORY, PypiFormat.NAME, action, pathVariables)).thenReturn(permitted);
  }
}
