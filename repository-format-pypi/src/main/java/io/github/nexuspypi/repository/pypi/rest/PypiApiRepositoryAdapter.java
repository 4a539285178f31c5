package io.github.nexuspypi.repository.pypi.rest;

import javax.inject.Inject;
import javax.inject.Named;

import io.github.nexuspypi.repository.pypi.internal.PypiFormat;
import io.github.nexuspypi.repository.pypi.internal.group.GroupSettings;

import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.rest.api.SimpleApiRepositoryAdapter;
import org.sonatype.nexus.repository.rest.api.model.AbstractApiRepository;
import org.sonatype.nexus.repository.routing.RoutingRuleStore;
import org.sonatype.nexus.repository.types.GroupType;

/**
 * PyPI repositories in the REST API's reads: Sonatype's generic shapes, and for a group its guard.
 */
@Named(PypiFormat.NAME)
public class PypiApiRepositoryAdapter
    extends SimpleApiRepositoryAdapter
{
  @Inject
  public PypiApiRepositoryAdapter(final RoutingRuleStore routingRuleStore) {
    super(routingRuleStore);
  }

  @Override
  public AbstractApiRepository adapt(final Repository repository) {
    if (!GroupType.NAME.equals(repository.getType().getValue())) {
      return super.adapt(repository);
    }
    return new PypiGroupApiRepository(repository.getName(), repository.getUrl(),
        repository.getConfiguration().isOnline(), getStorageAttributes(repository), getGroupAttributes(repository),
        new PypiGroupAttributes(GroupSettings.of(repository.getConfiguration())));
  }
}
