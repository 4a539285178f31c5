package io.github.nexuspypi.repository.pypi.internal.json;

import java.util.Optional;

import javax.annotation.Nonnull;

import io.github.nexuspypi.core.name.ProjectName;
import io.github.nexuspypi.repository.pypi.internal.PypiResponses;
import io.github.nexuspypi.repository.pypi.internal.RouteTokens;

import org.sonatype.goodies.common.ComponentSupport;
import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Response;

/**
 * What every repository's Warehouse JSON API does before it looks for the project: a 404 for an invalid project
 * name, a 301 to the normalised one for another spelling, as pypi.org answers.
 */
public abstract class WarehouseJsonSupport
    extends ComponentSupport
    implements Handler
{
  @Nonnull
  @Override
  public final Response handle(@Nonnull final Context context) throws Exception {
    String name = RouteTokens.get(context, RouteTokens.PROJECT).orElseThrow();
    if (!ProjectName.isValid(name)) {
      return HttpResponses.notFound("'" + name + "' is not a valid project name.");
    }
    String project = ProjectName.normalize(name);
    if (!project.equals(name)) {
      return PypiResponses.movedPermanently(context.getRepository().getUrl() + "/pypi/" + project + "/"
          + RouteTokens.get(context, RouteTokens.VERSION).map(version -> version + "/").orElse("") + "json");
    }
    return answer(context, project);
  }

  /** The answer for a project whose name is spelled normalised. */
  protected abstract Response answer(Context context, String project) throws Exception;
}
