package io.github.nexuspypi.repository.pypi.rest;

import javax.inject.Named;

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
    request.getPypi().settings().writeTo(configuration);
    return configuration;
  }
}
