package io.github.nexuspypi.repository.pypi.rest;

import javax.inject.Named;

import io.github.nexuspypi.repository.pypi.internal.group.PypiGroupIndexFacet;

import org.sonatype.nexus.repository.config.Configuration;
import org.sonatype.nexus.repository.rest.GroupRepositoryApiRequestToConfigurationConverter;

/**
 * Sonatype's group settings, and the guard in the repository's {@code pypi} attributes.
 */
@Named
public class PypiGroupRequestConverter
    extends GroupRepositoryApiRequestToConfigurationConverter<PypiGroupRepositoryApiRequest>
{
  @Override
  public Configuration convert(final PypiGroupRepositoryApiRequest request) {
    Configuration configuration = super.convert(request);
    configuration.attributes(PypiGroupIndexFacet.CONFIG_KEY)
        .set(PypiGroupIndexFacet.GUARD, request.getPypi().getDependencyConfusionGuard());
    return configuration;
  }
}
