package io.github.nexuspypi.repository.pypi.internal;

import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

import org.sonatype.nexus.repository.Format;
import org.sonatype.nexus.repository.security.RepositoryFormatSecurityContributor;

/**
 * Creates the {@code nx-repository-view-pypi-*} and per-repository privileges.
 */
@Named
@Singleton
public class PypiFormatSecurityContributor
    extends RepositoryFormatSecurityContributor
{
  @Inject
  public PypiFormatSecurityContributor(@Named(PypiFormat.NAME) final Format format) {
    super(format);
  }
}
