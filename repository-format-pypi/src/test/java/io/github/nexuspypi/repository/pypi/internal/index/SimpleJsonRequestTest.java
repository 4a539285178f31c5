package io.github.nexuspypi.repository.pypi.internal.index;

import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Request;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.ViewFacet;

import com.google.common.net.HttpHeaders;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class SimpleJsonRequestTest
{
  @Test
  void asksTheRepositorysOwnViewForTheJsonPageWithinTheClientsRequest() throws Exception {
    Repository member = mock(Repository.class);
    ViewFacet view = mock(ViewFacet.class);
    Context client = mock(Context.class);
    Response answer = HttpResponses.ok();
    when(member.facet(ViewFacet.class)).thenReturn(view);
    when(view.dispatch(any(), same(client))).thenReturn(answer);

    assertSame(answer, SimpleJsonRequest.dispatch(client, member, "/simple/demo/"));

    ArgumentCaptor<Request> asked = ArgumentCaptor.forClass(Request.class);
    verify(view).dispatch(asked.capture(), same(client));
    assertEquals(HttpMethods.GET, asked.getValue().getAction());
    assertEquals("/simple/demo/", asked.getValue().getPath());
    assertEquals("application/vnd.pypi.simple.v1+json", asked.getValue().getHeaders().get(HttpHeaders.ACCEPT));
  }
}
