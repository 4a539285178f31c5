package io.github.nexuspypi.repository.pypi.internal.group;

import java.util.Optional;

import javax.annotation.Nonnull;
import javax.inject.Named;
import javax.inject.Singleton;

import io.github.nexuspypi.repository.pypi.internal.RouteTokens;
import io.github.nexuspypi.repository.pypi.internal.json.RepositoryUrls;
import io.github.nexuspypi.repository.pypi.internal.json.WarehouseJsonHandler;

import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.ViewFacet;

/**
 * The Warehouse JSON API through a group: answered by the first of the members the group serves the project from
 * that has an answer, so the dependency-confusion guard holds here as on the pages.
 */
@Named
@Singleton
public class GroupWarehouseJsonHandler
    implements Handler
{
  @Nonnull
  @Override
  public Response handle(@Nonnull final Context context) throws Exception {
    Optional<Response> misspelled = WarehouseJsonHandler.misspelled(context);
    if (misspelled.isPresent()) {
      return misspelled.get();
    }
    String project = RouteTokens.get(context, RouteTokens.PROJECT).orElseThrow();
    PypiGroupIndexFacet index = context.getRepository().facet(PypiGroupIndexFacet.class);
    Optional<MergedProject> merged = index.merged(context, project);
    if (merged.isEmpty()) {
      return HttpResponses.notFound("No project '" + project + "' in this group.");
    }
    RepositoryUrls.serveAs(context);
    for (String name : merged.get().servedBy()) {
      Optional<Repository> member = index.members().leaf(name);
      if (member.isPresent()) {
        Response response = member.get().facet(ViewFacet.class).dispatch(context.getRequest(), context);
        if (response.getStatus().getCode() == 200) {
          ServedBy.tell(name, response);
          return response;
        }
      }
    }
    return HttpResponses.notFound("None of the members serving '" + project + "' answers its JSON API.");
  }
}
