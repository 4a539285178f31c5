package io.github.nexuspypi.repository.pypi.internal.group;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.annotation.Nonnull;
import javax.inject.Named;
import javax.inject.Singleton;

import io.github.nexuspypi.core.warehouse.WarehouseJsonMerge;
import io.github.nexuspypi.repository.pypi.internal.RouteTokens;
import io.github.nexuspypi.repository.pypi.internal.json.LinkBase;

import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.ContentTypes;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.Payload;
import org.sonatype.nexus.repository.view.ViewFacet;
import org.sonatype.nexus.repository.view.payloads.BytesPayload;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Warehouse JSON API through a group: the documents of the members the group serves the project from (so the
 * dependency-confusion guard holds here as on the pages), merged when more than one has an answer.
 */
@Named
@Singleton
public class GroupWarehouseJsonHandler
    implements Handler
{
  @Nonnull
  @Override
  public Response handle(@Nonnull final Context context) throws Exception {
    String project = RouteTokens.get(context, RouteTokens.PROJECT).orElseThrow();
    PypiGroupIndexFacet index = context.getRepository().facet(PypiGroupIndexFacet.class);
    Optional<MergedProject> merged = index.merged(context, project);
    if (merged.isEmpty()) {
      return HttpResponses.notFound("No project '" + project + "' in this group.");
    }
    LinkBase.throughGroup(context);
    List<String> answering = new ArrayList<>();
    List<Response> answers = new ArrayList<>();
    for (String name : merged.get().servedBy()) {
      Optional<Repository> member = index.members().leaf(name);
      if (member.isPresent()) {
        Response response = member.get().facet(ViewFacet.class).dispatch(context.getRequest(), context);
        if (response.getStatus().getCode() == 200 && response.getPayload() != null) {
          answering.add(name);
          answers.add(response);
        }
      }
    }
    if (answers.isEmpty()) {
      return HttpResponses.notFound("None of the members serving '" + project + "' answers its JSON API.");
    }
    Response response = answers.size() == 1 ? answers.get(0) : merge(context, answers);
    response.getHeaders().set(ServedBy.HEADER, String.join(", ", answering));
    return response;
  }

  private static Response merge(final Context context, final List<Response> answers) throws IOException {
    List<ObjectNode> documents = new ArrayList<>();
    for (Response answer : answers) {
      try (Payload payload = answer.getPayload(); InputStream in = payload.openInputStream()) {
        documents.add(WarehouseJsonMerge.read(in));
      }
    }
    boolean release = RouteTokens.get(context, RouteTokens.VERSION).isPresent();
    ObjectNode merged = release ? WarehouseJsonMerge.release(documents) : WarehouseJsonMerge.project(documents);
    return HttpResponses.ok(new Content(new BytesPayload(WarehouseJsonMerge.write(merged),
        ContentTypes.APPLICATION_JSON)));
  }
}
