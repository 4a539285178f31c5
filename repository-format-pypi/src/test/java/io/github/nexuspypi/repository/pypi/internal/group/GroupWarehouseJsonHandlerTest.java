package io.github.nexuspypi.repository.pypi.internal.group;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.repository.pypi.internal.Exchanges;

import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.view.ContentTypes;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.ViewFacet;
import org.sonatype.nexus.repository.view.payloads.BytesPayload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The JSON API through a group: asked of the members its page of the project comes from, and merged. */
class GroupWarehouseJsonHandlerTest
{
  private final GroupOfMembers group = new GroupOfMembers();

  private final ViewFacet hostedView = group.member("pypi-internal");

  private final ViewFacet proxyView = group.member("pypi-org");

  private final ViewFacet otherView = group.member("pypi-other");

  private final GroupWarehouseJsonHandler handler = new GroupWarehouseJsonHandler();

  /** The group's page of {@code demo} takes files from these members, in this order. */
  private void servedBy(final String... names) {
    List<MemberPage> pages = new ArrayList<>();
    for (String name : names) {
      String filename = "demo-1.0-" + name + ".tar.gz";
      pages.add(new MemberPage(name, new ProjectPage("demo", List.of(
          DistributionLink.builder(filename, "../../packages/demo/1.0/" + filename).build()), Set.of("1.0"))));
    }
    group.serves("demo", pages.toArray(new MemberPage[0]));
  }

  private static Response document(final String version, final String... filenames) {
    StringBuilder files = new StringBuilder();
    for (String filename : filenames) {
      files.append(files.length() == 0 ? "" : ",").append("{\"filename\": \"").append(filename).append("\"}");
    }
    String json = "{\"info\": {\"name\": \"demo\", \"version\": \"" + version + "\"}, \"last_serial\": 7,"
        + " \"releases\": {\"" + version + "\": [" + files + "]}, \"urls\": [" + files + "]}";
    return HttpResponses.ok(new BytesPayload(json.getBytes(StandardCharsets.UTF_8), ContentTypes.APPLICATION_JSON));
  }

  private static JsonNode json(final Response response) throws Exception {
    return new ObjectMapper().readTree(Exchanges.text(response));
  }

  private Context request(final String project) {
    return Exchanges.warehouseJson(group.group, project, null);
  }

  @Test
  void aProjectTheGroupDoesNotServeIsNotFoundAndNoMemberIsAsked() throws Exception {
    assertEquals(404, handler.handle(request("other")).getStatus().getCode());

    verifyNoInteractions(hostedView, proxyView, otherView);
  }

  @Test
  void theOneMemberServingTheProjectAnswersAsItIsAndOnlyItIsAsked() throws Exception {
    servedBy("pypi-internal");
    Context context = request("demo");
    Response answer = document("1.0", "demo-1.0.tar.gz");
    when(hostedView.dispatch(same(context.getRequest()), same(context))).thenReturn(answer);

    Response response = handler.handle(context);

    assertSame(answer, response);
    assertEquals("pypi-internal", response.getHeaders().get(ServedBy.HEADER));
    verifyNoInteractions(proxyView, otherView);
  }

  @Test
  void theMembersDocumentsAreMergedInTheGroupsOrder() throws Exception {
    servedBy("pypi-internal", "pypi-org");
    when(hostedView.dispatch(any(), any())).thenReturn(document("1.0", "demo-1.0.tar.gz"));
    when(proxyView.dispatch(any(), any())).thenReturn(document("2.0", "demo-2.0.tar.gz"));

    Response response = handler.handle(request("demo"));

    JsonNode merged = json(response);
    assertEquals("demo-1.0.tar.gz", merged.at("/releases/1.0/0/filename").asText());
    assertEquals("demo-2.0.tar.gz", merged.at("/releases/2.0/0/filename").asText());
    assertEquals("2.0", merged.at("/info/version").asText(), "the latest release, described by who has it");
    assertEquals("pypi-internal, pypi-org", response.getHeaders().get(ServedBy.HEADER));
  }

  @Test
  void aMemberWithoutAnAnswerIsLeftOut() throws Exception {
    servedBy("pypi-internal", "pypi-org");
    when(hostedView.dispatch(any(), any())).thenReturn(HttpResponses.notFound());
    when(proxyView.dispatch(any(), any())).thenReturn(document("2.0", "demo-2.0.tar.gz"));

    Response response = handler.handle(request("demo"));

    assertEquals("2.0", json(response).at("/info/version").asText());
    assertEquals("pypi-org", response.getHeaders().get(ServedBy.HEADER));
  }

  @Test
  void withoutAnyMembersAnswerTheProjectIsNotFound() throws Exception {
    servedBy("pypi-internal");
    when(hostedView.dispatch(any(), any())).thenReturn(HttpResponses.notFound());

    assertEquals(404, handler.handle(request("demo")).getStatus().getCode());
    verify(hostedView).dispatch(any(), any());
  }
}
