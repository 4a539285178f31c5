package io.github.nexuspypi.repository.pypi.internal.index;

import java.util.Optional;

import javax.annotation.Nonnull;
import javax.inject.Named;
import javax.inject.Singleton;

import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.repository.pypi.PypiIndexFacet;
import io.github.nexuspypi.repository.pypi.internal.NormalizedNameHandler;
import io.github.nexuspypi.repository.pypi.internal.RouteTokens;

import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Response;

import com.google.common.net.HttpHeaders;

/**
 * {@code /simple/} and {@code /simple/<project>/}, behind {@link NormalizedNameHandler#SIMPLE_PAGES}: PEP 503 HTML or
 * PEP 691 JSON as the client's {@code Accept} asks, and a 404 for a project the repository does not hold (uv and pip
 * read any 200 as "the project is here"). A proxy's route puts its upstream failures before it, a group's the
 * members a page came from after it.
 */
@Named
@Singleton
public class SimpleIndexHandler
    implements Handler
{
  @Nonnull
  @Override
  public Response handle(@Nonnull final Context context) throws Exception {
    PypiIndexFacet index = context.getRepository().facet(PypiIndexFacet.class);
    Optional<String> project = RouteTokens.get(context, RouteTokens.PROJECT);
    if (project.isEmpty()) {
      return page(index.rootPage(context, format(context)));
    }
    return index.projectPage(context, project.get(), format(context))
        .map(SimpleIndexHandler::page)
        .orElseGet(() -> HttpResponses.notFound("No project '" + project.get() + "' in this repository."));
  }

  private static SimpleFormat format(final Context context) {
    return SimpleFormat.negotiate(context.getRequest().getHeaders().get(HttpHeaders.ACCEPT));
  }

  private static Response page(final Content page) {
    Response response = HttpResponses.ok(page);
    // One URL answers HTML or JSON: caches between client and Nexus must key on Accept.
    response.getHeaders().set(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    return response;
  }
}
