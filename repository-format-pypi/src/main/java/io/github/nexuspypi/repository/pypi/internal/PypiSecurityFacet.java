package io.github.nexuspypi.repository.pypi.internal;

import javax.inject.Inject;
import javax.inject.Named;

import org.sonatype.nexus.repository.security.ContentPermissionChecker;
import org.sonatype.nexus.repository.security.SecurityFacetSupport;
import org.sonatype.nexus.repository.security.VariableResolverAdapter;

/**
 * Guards every route with the repository's view privileges; the "simple" resolver exposes the request path to
 * content selectors.
 */
@Named
public class PypiSecurityFacet
    extends SecurityFacetSupport
{
  @Inject
  public PypiSecurityFacet(final PypiFormatSecurityContributor securityContributor,
                           @Named("simple") final VariableResolverAdapter variableResolverAdapter,
                           final ContentPermissionChecker contentPermissionChecker)
  {
    super(securityContributor, variableResolverAdapter, contentPermissionChecker);
  }
}
