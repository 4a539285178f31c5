package io.github.nexuspypi.repository.pypi.internal.recipe;

import javax.inject.Inject;
import javax.inject.Provider;

import io.github.nexuspypi.repository.pypi.internal.PackageHandler;
import io.github.nexuspypi.repository.pypi.internal.PypiMaintenanceFacet;
import io.github.nexuspypi.repository.pypi.internal.PypiSecurityFacet;
import io.github.nexuspypi.repository.pypi.internal.index.SimpleIndexHandler;

import org.sonatype.nexus.repository.Format;
import org.sonatype.nexus.repository.RecipeSupport;
import org.sonatype.nexus.repository.Type;
import org.sonatype.nexus.repository.content.browse.BrowseFacet;
import org.sonatype.nexus.repository.content.search.SearchFacet;
import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.http.PartialFetchHandler;
import org.sonatype.nexus.repository.security.SecurityHandler;
import org.sonatype.nexus.repository.view.ConfigurableViewFacet;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Matcher;
import org.sonatype.nexus.repository.view.Route;
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
 * What every PyPI recipe shares: its facets and the read routes of the wire contract (DESIGN.md), each guarded by
 * the repository's privileges.
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
  ExceptionHandler exceptionHandler;

  @Inject
  HandlerContributor handlerContributor;

  @Inject
  ConditionalRequestHandler conditionalRequestHandler;

  @Inject
  PartialFetchHandler partialFetchHandler;

  @Inject
  ContentHeadersHandler contentHeadersHandler;

  @Inject
  LastDownloadedHandler lastDownloadedHandler;

  @Inject
  SimpleIndexHandler simpleIndexHandler;

  @Inject
  PackageHandler packageHandler;

  protected PypiRecipeSupport(final Type type, final Format format) {
    super(type, format);
  }

  /** {@code /simple/}, {@code /simple/<project>/} and their slash-less spellings, which redirect. */
  protected Route simpleRoute() {
    return readRoute(or(
            new TokenMatcher("/simple{slash:/?}"),
            new TokenMatcher("/simple/{project:" + SEGMENT + "}{slash:/?}")),
        simpleIndexHandler);
  }

  protected Route packagesRoute() {
    return new Route.Builder()
        .matcher(and(readActions(), new TokenMatcher("/packages/{project:" + SEGMENT + "}/{version:" + SEGMENT
            + "}/{filename:" + SEGMENT + "}")))
        .handler(timingHandler)
        .handler(securityHandler)
        .handler(exceptionHandler)
        .handler(handlerContributor)
        .handler(conditionalRequestHandler)
        .handler(partialFetchHandler)
        .handler(contentHeadersHandler)
        .handler(lastDownloadedHandler)
        .handler(packageHandler)
        .create();
  }

  protected Route readRoute(final Matcher path, final Handler terminal) {
    return new Route.Builder()
        .matcher(and(readActions(), path))
        .handler(timingHandler)
        .handler(securityHandler)
        .handler(exceptionHandler)
        .handler(handlerContributor)
        .handler(conditionalRequestHandler)
        .handler(contentHeadersHandler)
        .handler(terminal)
        .create();
  }

  private static Matcher readActions() {
    return new ActionMatcher(HttpMethods.GET, HttpMethods.HEAD);
  }
}
