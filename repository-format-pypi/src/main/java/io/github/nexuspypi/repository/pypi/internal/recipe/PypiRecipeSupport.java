package io.github.nexuspypi.repository.pypi.internal.recipe;

import javax.inject.Inject;
import javax.inject.Provider;

import io.github.nexuspypi.repository.pypi.internal.AcceptRangesHandler;
import io.github.nexuspypi.repository.pypi.internal.ElapsedTimeHandler;
import io.github.nexuspypi.repository.pypi.internal.NormalizedNameHandler;
import io.github.nexuspypi.repository.pypi.internal.PypiMaintenanceFacet;
import io.github.nexuspypi.repository.pypi.internal.PypiSecurityFacet;
import io.github.nexuspypi.repository.pypi.internal.StorageOutageHandler;
import io.github.nexuspypi.repository.pypi.internal.ValidatorHeadersHandler;
import io.github.nexuspypi.repository.pypi.internal.download.FileChannelHandler;
import io.github.nexuspypi.repository.pypi.internal.download.OpenedBlobHandler;
import io.github.nexuspypi.repository.pypi.internal.download.FileRangeHandler;
import io.github.nexuspypi.repository.pypi.internal.index.SimpleIndexHandler;

import org.sonatype.nexus.repository.Format;
import org.sonatype.nexus.repository.RecipeSupport;
import org.sonatype.nexus.repository.Type;
import org.sonatype.nexus.repository.content.browse.BrowseFacet;
import org.sonatype.nexus.repository.content.search.SearchFacet;
import org.sonatype.nexus.repository.http.HttpHandlers;
import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.http.PartialFetchHandler;
import org.sonatype.nexus.repository.routing.RoutingRuleHandler;
import org.sonatype.nexus.repository.security.SecurityHandler;
import org.sonatype.nexus.repository.view.ConfigurableViewFacet;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Matcher;
import org.sonatype.nexus.repository.view.Route;
import org.sonatype.nexus.repository.view.Router;
import org.sonatype.nexus.repository.view.handlers.ConditionalRequestHandler;
import org.sonatype.nexus.repository.view.handlers.ExceptionHandler;
import org.sonatype.nexus.repository.view.handlers.HandlerContributor;
import org.sonatype.nexus.repository.view.handlers.LastDownloadedHandler;
import org.sonatype.nexus.repository.view.matchers.ActionMatcher;
import org.sonatype.nexus.repository.view.matchers.token.TokenMatcher;

import static org.sonatype.nexus.repository.view.matchers.logic.LogicMatchers.and;
import static org.sonatype.nexus.repository.view.matchers.logic.LogicMatchers.or;

/**
 * What every PyPI recipe shares: its facets, Nexus's handlers and the read routes of the wire contract
 * (docs/design.md). Each recipe holds the handlers of its own type, as Nexus's raw recipes do, and says how its reads
 * are guarded.
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
  ElapsedTimeHandler timingHandler;

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
  ConditionalRequestHandler conditionalRequestHandler;

  @Inject
  PartialFetchHandler partialFetchHandler;

  @Inject
  FileRangeHandler fileRangeHandler;

  @Inject
  AcceptRangesHandler acceptRangesHandler;

  @Inject
  ValidatorHeadersHandler validatorHeadersHandler;

  @Inject
  LastDownloadedHandler lastDownloadedHandler;

  @Inject
  FileChannelHandler fileChannelHandler;

  @Inject
  OpenedBlobHandler openedBlobHandler;

  @Inject
  SimpleIndexHandler simpleIndexHandler;

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

  /**
   * {@code /simple/}, {@code /simple/<project>/} and their slash-less spellings, which redirect.
   *
   * @param ownHandlers what the recipe's type does around its pages, between the name check and the page
   */
  protected Route simpleRoute(final Handler... ownHandlers) {
    Route.Builder route = readRoute(or(
            new TokenMatcher("/simple{slash:/?}"),
            new TokenMatcher("/simple/{project:" + SEGMENT + "}{slash:/?}")))
        .handler(conditionalRequestHandler)
        .handler(validatorHeadersHandler)
        .handler(NormalizedNameHandler.SIMPLE_PAGES);
    for (Handler handler : ownHandlers) {
      route.handler(handler);
    }
    return route.handler(simpleIndexHandler).create();
  }

  /** The Warehouse JSON API, with or without a version and a trailing slash, as pypi.org answers it. */
  protected Route warehouseJsonRoute(final Handler answer) {
    return readRoute(or(
            new TokenMatcher("/pypi/{project:" + SEGMENT + "}/json{slash:/?}"),
            new TokenMatcher("/pypi/{project:" + SEGMENT + "}/{version:" + SEGMENT + "}/json{slash:/?}")))
        .handler(conditionalRequestHandler)
        .handler(validatorHeadersHandler)
        .handler(NormalizedNameHandler.WAREHOUSE_JSON)
        .handler(answer)
        .create();
  }

  /**
   * Files and their {@code .metadata}, in ranges, their downloads recorded for cleanup policies, sent from the blob
   * store's file where there is one, opened before the status is sent where there is none.
   */
  protected Route packagesRoute(final Handler files) {
    return readRoute(packagesMatcher())
        .handler(openedBlobHandler)
        .handler(conditionalRequestHandler)
        .handler(fileRangeHandler)
        .handler(partialFetchHandler)
        .handler(acceptRangesHandler)
        .handler(validatorHeadersHandler)
        .handler(lastDownloadedHandler)
        .handler(fileChannelHandler)
        .handler(files)
        .create();
  }

  protected static TokenMatcher packagesMatcher() {
    return new TokenMatcher("/packages/{project:" + SEGMENT + "}/{version:" + SEGMENT + "}/{filename:" + SEGMENT
        + "}");
  }

  /**
   * A GET/HEAD route of the given paths with the recipe's guards: timing, privileges, and what its type adds (for a
   * proxy or a group its routing rules, for a proxy its negative cache), a 503 when the blob store is out of reach,
   * in the order Nexus's own recipes use.
   */
  protected abstract Route.Builder readRoute(Matcher path);

  /** Reads guarded by privileges and routing rules, which apply to repositories that fetch from others. */
  protected Route.Builder routedReads(final Matcher path) {
    return withFailuresAnswered(reads(path)
        .handler(timingHandler)
        .handler(securityHandler)
        .handler(routingRuleHandler));
  }

  /**
   * What every route has after its guards, reads and uploads alike: a 503 when the blob store is out of reach,
   * Nexus's answers to exceptions, and the handlers other plugins contribute.
   */
  protected Route.Builder withFailuresAnswered(final Route.Builder guarded) {
    return guarded
        .handler(storageOutageHandler)
        .handler(exceptionHandler)
        .handler(handlerContributor);
  }

  /** A route for GET and HEAD of the given paths, before its handlers. */
  protected static Route.Builder reads(final Matcher path) {
    return new Route.Builder().matcher(and(new ActionMatcher(HttpMethods.GET, HttpMethods.HEAD), path));
  }
}
