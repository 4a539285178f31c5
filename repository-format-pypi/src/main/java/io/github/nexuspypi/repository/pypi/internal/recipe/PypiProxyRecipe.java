package io.github.nexuspypi.repository.pypi.internal.recipe;

import javax.annotation.Nonnull;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Provider;
import javax.inject.Singleton;

import io.github.nexuspypi.repository.pypi.internal.PypiFormat;
import io.github.nexuspypi.repository.pypi.internal.proxy.KeptFileNegativeCacheHandler;
import io.github.nexuspypi.repository.pypi.internal.proxy.PypiProxyFacet;
import io.github.nexuspypi.repository.pypi.internal.proxy.ProxyWarehouseJsonHandler;
import io.github.nexuspypi.repository.pypi.internal.proxy.PypiProxyIndexFacet;
import io.github.nexuspypi.repository.pypi.internal.proxy.UpstreamFailureHandler;

import org.sonatype.nexus.common.upgrade.AvailabilityVersion;
import org.sonatype.nexus.repository.Format;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.Type;
import org.sonatype.nexus.repository.cache.NegativeCacheFacet;
import org.sonatype.nexus.repository.httpclient.HttpClientFacet;
import org.sonatype.nexus.repository.proxy.ProxyHandler;
import org.sonatype.nexus.repository.purge.PurgeUnusedFacet;
import org.sonatype.nexus.repository.types.ProxyType;
import org.sonatype.nexus.repository.view.Matcher;
import org.sonatype.nexus.repository.view.Route;

/**
 * {@code pypi-proxy}: a pull-through cache of pypi.org or any PEP 503/691 index.
 */
@AvailabilityVersion(from = "1.0")
@Named(PypiProxyRecipe.NAME)
@Singleton
public class PypiProxyRecipe
    extends PypiRecipeSupport
{
  public static final String NAME = "pypi-proxy";

  @Inject
  Provider<HttpClientFacet> httpClientFacet;

  @Inject
  Provider<NegativeCacheFacet> negativeCacheFacet;

  @Inject
  Provider<PypiProxyFacet> proxyFacet;

  @Inject
  Provider<PurgeUnusedFacet> purgeUnusedFacet;

  @Inject
  Provider<PypiProxyIndexFacet> indexFacet;

  @Inject
  KeptFileNegativeCacheHandler negativeCacheHandler;

  @Inject
  ProxyHandler proxyHandler;

  @Inject
  UpstreamFailureHandler upstreamFailureHandler;

  @Inject
  ProxyWarehouseJsonHandler proxyWarehouseJsonHandler;

  @Inject
  public PypiProxyRecipe(@Named(ProxyType.NAME) final Type type, @Named(PypiFormat.NAME) final Format format) {
    super(type, format);
  }

  @Override
  public void apply(@Nonnull final Repository repository) throws Exception {
    repository.attach(securityFacet.get());
    repository.attach(view(
        simpleRoute(upstreamFailureHandler),
        packagesRoute(proxyHandler),
        warehouseJsonRoute(proxyWarehouseJsonHandler)));
    repository.attach(httpClientFacet.get());
    repository.attach(negativeCacheFacet.get());
    repository.attach(proxyFacet.get());
    repository.attach(contentFacet.get());
    repository.attach(maintenanceFacet.get());
    repository.attach(searchFacet.get());
    repository.attach(browseFacet.get());
    repository.attach(purgeUnusedFacet.get());
    repository.attach(indexFacet.get());
  }

  @Override
  protected Route.Builder readRoute(final Matcher path) {
    return routedReads(path).handler(negativeCacheHandler);
  }
}
