package io.github.nexuspypi.repository.pypi.internal;

import java.util.Optional;

import javax.annotation.Nonnull;

import io.github.nexuspypi.core.name.ProjectName;

import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Response;

/**
 * Lets through only the URLs pypi.org itself answers: any other spelling of a project's name gets a 301 to its
 * normalised one, in one hop, and an invalid name a 404. So the handlers after it see normalised names only, in every
 * kind of repository. pip and uv follow the redirect; a group asks its members at the normalised URL.
 */
public enum NormalizedNameHandler
    implements Handler
{
  /** {@code /simple/} and {@code /simple/<project>/}: the trailing slash belongs to the URL (PEP 503). */
  SIMPLE_PAGES
  {
    @Override
    Optional<String> redirect(final Context context, final String project, final boolean spelledNormalized) {
      if (spelledNormalized && context.getRequest().getPath().endsWith("/")) {
        return Optional.empty();
      }
      return Optional.of(PypiPaths.SIMPLE + (project == null ? "" : project + "/"));
    }
  },

  /** {@code /pypi/<project>/json} and {@code /pypi/<project>/<version>/json}, either with a trailing slash. */
  WAREHOUSE_JSON
  {
    @Override
    Optional<String> redirect(final Context context, final String project, final boolean spelledNormalized) {
      if (spelledNormalized) {
        return Optional.empty();
      }
      return Optional.of("/pypi/" + project + "/"
          + RouteTokens.get(context, RouteTokens.VERSION).map(version -> version + "/").orElse("") + "json");
    }
  };

  @Nonnull
  @Override
  public Response handle(@Nonnull final Context context) throws Exception {
    Optional<String> name = RouteTokens.get(context, RouteTokens.PROJECT);
    if (name.isPresent() && !ProjectName.isValid(name.get())) {
      return HttpResponses.notFound("'" + name.get() + "' is not a valid project name.");
    }
    String project = name.map(ProjectName::normalize).orElse(null);
    Optional<String> redirect = redirect(context, project, name.map(spelled -> spelled.equals(project)).orElse(true));
    if (redirect.isPresent()) {
      return PypiResponses.movedPermanently(context.getRepository().getUrl() + redirect.get());
    }
    return context.proceed();
  }

  /**
   * The path to send the request to, empty when it is already there.
   *
   * @param project the normalised name the request names, {@code null} for a page of no project
   */
  abstract Optional<String> redirect(Context context, String project, boolean spelledNormalized);
}
