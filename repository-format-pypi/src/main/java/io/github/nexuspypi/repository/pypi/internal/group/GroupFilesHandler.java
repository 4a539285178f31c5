package io.github.nexuspypi.repository.pypi.internal.group;

import java.util.Optional;

import javax.annotation.Nonnull;
import javax.inject.Named;
import javax.inject.Singleton;

import io.github.nexuspypi.repository.pypi.internal.PypiPaths;
import io.github.nexuspypi.repository.pypi.internal.RouteTokens;

import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.ViewFacet;

/**
 * A file or its {@code .metadata} through a group: handed, request and all (ranges, validators), to the member the
 * group's page lists it from, so a file is never fetched from a member the dependency-confusion guard left out.
 */
@Named
@Singleton
public class GroupFilesHandler
    implements Handler
{
  @Nonnull
  @Override
  public Response handle(@Nonnull final Context context) throws Exception {
    String project = RouteTokens.get(context, RouteTokens.PROJECT).orElseThrow();
    String filename = RouteTokens.get(context, RouteTokens.FILENAME).orElseThrow();
    String distribution = PypiPaths.isMetadata(filename)
        ? filename.substring(0, filename.length() - PypiPaths.METADATA_SUFFIX.length()) : filename;
    PypiGroupIndexFacet index = context.getRepository().facet(PypiGroupIndexFacet.class);
    Optional<Repository> member = index.merged(context, project)
        .flatMap(merged -> merged.memberOf(distribution))
        .flatMap(index.members()::leaf);
    if (member.isEmpty()) {
      return HttpResponses.notFound("No file '" + distribution + "' of project '" + project + "' in this group.");
    }
    Response response = member.get().facet(ViewFacet.class).dispatch(context.getRequest(), context);
    ServedBy.tell(member.get().getName(), response);
    return response;
  }
}
