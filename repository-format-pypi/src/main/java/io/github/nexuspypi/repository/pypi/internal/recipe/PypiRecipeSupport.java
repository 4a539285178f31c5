package io.github.nexuspypi.repository.pypi.internal.recipe;

import javax.inject.Inject;
import javax.inject.Provider;

import io.github.nexuspypi.repository.pypi.internal.AcceptRangesHandler;
import io.github.nexuspypi.repository.pypi.internal.PypiMaintenanceFacet;
import io.github.nexuspypi.repository.pypi.internal.PypiSecurityFacet;
import io.github.nexuspypi.repository.pypi.internal.StorageOutageHandler;
import io.github.nexuspypi.repository.pypi.internal.download.FileChannelHandler;
import io.github.nexuspypi.repository.pypi.internal.download.FileRangeHandler;
import io.github.nexuspypi.repository.pypi.internal.index.SimpleIndexHandler;
import io.github.nexuspypi.repository.pypi.internal.json.WarehouseJsonHandler;

import org.sonatype.nexus.repository.Format;
import org.sonatype.nexus.repository.RecipeSupport;
import org.sonatype.nexus.repository.Type;
import org.sonatype.nexus.repository.cache.NegativeCacheHandler;
import org.sonatype.nexus.repository.content.browse.BrowseFacet;
import org.sonatype.nexus.repository.content.search.SearchFacet;
import org.sonatype.nexus.repository.http.HttpHandlers;
import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.http.PartialFetchHandler;
import org.sonatype.nexus.repository.routing.RoutingRuleHandler;
import org.sonatype.nexus.repository.security.SecurityHandler;
import org.sonatype.nexus.repository.types.GroupType;
import org.sonatype.nexus.repository.types.ProxyType;
import org.sonatype.nexus.repository.view.ConfigurableViewFacet;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Matcher;
import org.sonatype.nexus.repository.view.Route;
import org.sonatype.nexus.repository.view.Router;
import org.sonatype.nexus.repository.view.handlers.ConditionalRequestHandler;
import org.sonatype.nexus.repository.view.handlers.ContentHeadersHandler;
import org.sonatype.nexus.repository.view.handlers.ExceptionHandler;
import org.sonatype.nexus.repository.view.handlers.HandlerContributor;
import org.sonatype.nexus.repository.view.handlers.LastDownloadedHandler;
import org.sonatype.nexus.repository.view.handlers.TimingHandler;
import org.sonatype.nexus.repository.view.matchers.ActionMatcher;
import org.sonatype.nexus.repository.view.matchers.token.TokenMatcher;

import static org.sonatype.nexus.repository.view.matchers.logic.LogicMatchers.and;
import static org.sonatype.nexus.repository.view.matchers.logic.LogicMatchers.or;

/**
 * What every PyPI recipe shares: its facets and the read routes of the wire contract (docs/design.md), each guarded by
 * the repository's privileges, and for a proxy by its routing rules and negative cache.
 */
public abstract class PypiRecipeSupport
    extends RecipeSupport
{
  // PEP 503 names are made of letters, digits and ._-; anything else still reaches the handler, to get a 404.
  private static final String SEGMENT = "[^/]+";

  @Inject
  Provider<PypiSecurityFacet> securityFacet;

  @Inject
  Provider<ConfigurableViewFacet> viewFacet;

  @Inject
  Provider<PypiContentFacetImpl> contentFacet;

  @Inject
  Provider<PypiMaintenanceFacet> maintenanceFacet;

  @Inject
  Provider<SearchFacet> searchFacet;

  @Inject
  Provider<BrowseFacet> browseFacet;

  @Inject
  TimingHandler timingHandler;

  @Inject
  SecurityHandler securityHandler;

  @Inject
  RoutingRuleHandler routingRuleHandler;

  @Inject
  ExceptionHandler exceptionHandler;

  @Inject
  StorageOutageHandler storageOutageHandler;

  @Inject
  HandlerContributor handlerContributor;

  @Inject
  NegativeCacheHandler negativeCacheHandler;

  @Inject
  ConditionalRequestHandler conditionalRequestHandler;

  @Inject
  PartialFetchHandler partialFetchHandler;

  @Inject
  FileRangeHandler fileRangeHandler;

  @Inject
  AcceptRangesHandler acceptRangesHandler;

  @Inject
  ContentHeadersHandler contentHeadersHandler;

  @Inject
  LastDownloadedHandler lastDownloadedHandler;

  @Inject
  FileChannelHandler fileChannelHandler;

  @Inject
  SimpleIndexHandler simpleIndexHandler;

  @Inject
  WarehouseJsonHandler warehouseJsonHandler;

  protected PypiRecipeSupport(final Type type, final Format format) {
    super(type, format);
  }

  /** The repository's view: its routes, tried in order, and a 404 for any other request. */
  protected ConfigurableViewFacet view(final Route... routes) {
    Router.Builder builder = new Router.Builder();
    for (Route route : routes) {
      builder.route(route);
    }
    builder.defaultHandlers(HttpHandlers.notFound());
    ConfigurableViewFacet facet = viewFacet.get();
    facet.configure(builder.create());
    return facet;
  }

  /** {@code /simple/}, {@code /simple/<project>/} and their slash-less spellings, which redirect. */
  protected Route simpleRoute() {
    return readRoute(or(
            new TokenMatcher("/simple{slash:/?}"),
            new TokenMatcher("/simple/{project:" + SEGMENT + "}{slash:/?}")))
        .handler(conditionalRequestHandler)
        .handler(contentHeadersHandler)
        .handler(simpleIndexHandler)
        .create();
  }

  /** The Warehouse JSON API, with or without a version and a trailing slash, as pypi.org answers it. */
  protected Route warehouseJsonRoute() {
    return warehouseJsonRoute(warehouseJsonHandler);
  }

  protected Route warehouseJsonRoute(final Handler answer) {
    return readRoute(or(
            new TokenMatcher("/pypi/{project:" + SEGMENT + "}/json{slash:/?}"),
            new TokenMatcher("/pypi/{project:" + SEGMENT + "}/{version:" + SEGMENT + "}/json{slash:/?}")))
        .handler(conditionalRequestHandler)
        .handler(contentHeadersHandler)
        .handler(answer)
        .create();
  }

  /**
   * Files and their {@code .metadata}, in ranges, their downloads recorded for cleanup policies, sent from the blob
   * store's file where there is one.
   */
  protected Route packagesRoute(final Handler files) {
    return readRoute(packagesMatcher())
        .handler(conditionalRequestHandler)
        .handler(fileRangeHandler)
        .handler(partialFetchHandler)
        .handler(acceptRangesHandler)
        .handler(contentHeadersHandler)
        .handler(lastDownloadedHandler)
        .handler(fileChannelHandler)
        .handler(files)
        .create();
  }

  /** Files as a group serves them: by a member, whose own route answers ranges and validators. */
  protected Route memberPackagesRoute(final Handler member) {
    return readRoute(packagesMatcher()).handler(member).create();
  }

  private static TokenMatcher packagesMatcher() {
    return new TokenMatcher("/packages/{project:" + SEGMENT + "}/{version:" + SEGMENT + "}/{filename:" + SEGMENT
        + "}");
  }

  /**
   * A GET/HEAD route's guards: timing, privileges, for a proxy or a group its routing rules, a 503 when the blob
   * store is out of reach, and for a proxy its negative cache.
   */
  private Route.Builder readRoute(final Matcher path) {
    boolean proxy = getType() instanceof ProxyType;
    Route.Builder route = new Route.Builder()
        .matcher(and(new ActionMatcher(HttpMethods.GET, HttpMethods.HEAD), path))
        .handler(timingHandler)
        .handler(securityHandler);
    if (proxy || getType() instanceof GroupType) {
      route.handler(routingRuleHandler);
    }
    route.handler(storageOutageHandler).handler(exceptionHandler).handler(handlerContributor);
    if (proxy) {
      route.handler(negativeCacheHandler);
    }
    return route;
  }
}
