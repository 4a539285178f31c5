package io.github.nexuspypi.repository.pypi.internal.group;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.repository.pypi.internal.Exchanges;
import io.github.nexuspypi.repository.pypi.internal.RouteTokens;

import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Request;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.ViewFacet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class GroupFilesHandlerTest
{
  private static final String WHEEL = "demo-1.0-py3-none-any.whl";

  private final GroupOfMembers group = new GroupOfMembers();

  private final ViewFacet hostedView = group.member("pypi-internal");

  private final ViewFacet proxyView = group.member("pypi-org");

  private final GroupFilesHandler handler = new GroupFilesHandler();

  @BeforeEach
  void setUp() {
    // The hosted member lists the wheel first: the group serves it from there, never from the proxy.
    group.serves("demo",
        new MemberPage("pypi-internal", new ProjectPage("demo", List.of(link(WHEEL)), Set.of("1.0"))),
        new MemberPage("pypi-org", new ProjectPage("demo", List.of(link(WHEEL), link("demo-1.0.tar.gz")),
            Set.of("1.0"))));
  }

  private static DistributionLink link(final String filename) {
    return DistributionLink.builder(filename, "../../packages/demo/1.0/" + filename).build();
  }

  private Context request(final String project, final String filename) {
    Request request = new Request.Builder().action(HttpMethods.GET)
        .path("/packages/" + project + "/1.0/" + filename).header("Range", "bytes=0-99").build();
    return Exchanges.routed(group.group, request,
        Map.of(RouteTokens.PROJECT, project, RouteTokens.VERSION, "1.0", RouteTokens.FILENAME, filename));
  }

  private Response handle(final Context context) throws Exception {
    return handler.handle(context);
  }

  @Test
  void aFileGoesWholeRequestAndAllToTheMemberThePageTookItFromAndSaysWhich() throws Exception {
    Context context = request("demo", WHEEL);
    Response answer = HttpResponses.ok();
    when(hostedView.dispatch(same(context.getRequest()), same(context))).thenReturn(answer);

    Response response = handle(context);

    assertSame(answer, response);
    assertEquals("pypi-internal", response.getHeaders().get(ServedBy.HEADER));
    verifyNoInteractions(proxyView);
  }

  @Test
  void aFilesMetadataGoesToTheMemberOfTheFile() throws Exception {
    Context context = request("demo", "demo-1.0.tar.gz.metadata");
    when(proxyView.dispatch(any(), any())).thenReturn(HttpResponses.ok());

    assertEquals("pypi-org", handle(context).getHeaders().get(ServedBy.HEADER));
    verify(proxyView).dispatch(same(context.getRequest()), same(context));
  }

  @Test
  void aFileNoMemberPageListsIsNotFoundAndNoMemberIsAsked() throws Exception {
    assertEquals(404, handle(request("demo", "demo-9.9.tar.gz")).getStatus().getCode());
    assertEquals(404, handle(request("other", "other-1.0.tar.gz")).getStatus().getCode());

    verifyNoInteractions(hostedView, proxyView);
  }

  @Test
  void aMemberThatLeftTheGroupServesNothing() throws Exception {
    when(group.members.leaf(anyString())).thenReturn(Optional.empty());

    assertEquals(404, handle(request("demo", WHEEL)).getStatus().getCode());
    verifyNoInteractions(hostedView, proxyView);
  }
}
