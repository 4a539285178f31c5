package io.github.nexuspypi.repository.pypi.internal.hosted;

import java.util.Optional;

import io.github.nexuspypi.core.version.Version;
import io.github.nexuspypi.repository.pypi.PypiContentFacet;
import io.github.nexuspypi.repository.pypi.internal.PypiFormat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.content.fluent.FluentAsset;
import org.sonatype.nexus.repository.security.ContentPermissionChecker;
import org.sonatype.nexus.repository.security.VariableResolverAdapter;
import org.sonatype.nexus.selector.VariableSource;

import static io.github.nexuspypi.repository.pypi.internal.StoredAssets.distribution;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
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

  /** The repository holds release 1.0 of demo, with a file at {@code path} of that sha256. */
  void stored(final String path, final String sha256) throws Exception {
    FluentAsset existing = distribution(path, sha256);
    when(content.releaseVersion("demo", Version.parse("1.0"))).thenReturn(Optional.of("1.0"));
    when(content.findFile(eq("demo"), eq("1.0"), any())).thenReturn(Optional.of(existing));
  }

  void permit(final String action, final boolean permitted) {
    when(permissions.isPermitted(REPOSITORY, PypiFormat.NAME, action, pathVariables)).thenReturn(permitted);
  }
}
