package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.http.HttpResponse;
import org.apache.http.HttpVersion;
import org.apache.http.message.BasicHttpResponse;
import org.junit.jupiter.api.Test;
import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.httpclient.RemoteBlockedIOException;
import org.sonatype.nexus.repository.proxy.ProxyServiceException;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class UpstreamFailureHandlerTest
{
  private final UpstreamFailureHandler handler = new UpstreamFailureHandler();

  private Response whenThePageFails(final Throwable failure) throws Exception {
    Context context = mock(Context.class);
    when(context.proceed()).thenThrow(failure);
    return handler.handle(context);
  }

  @Test
  void aPageIsPassedOnAsItIs() throws Exception {
    Response page = HttpResponses.ok("page");
    Context context = mock(Context.class);
    when(context.proceed()).thenReturn(page);

    assertSame(page, handler.handle(context));
  }

  @Test
  void aBlockedRemoteIsNotFoundSoThatAGroupAsksItsOtherMembers() throws Exception {
    Response response = whenThePageFails(new RemoteBlockedIOException("Remote Auto Blocked"));

    assertEquals(404, response.getStatus().getCode());
    assertEquals("Remote Auto Blocked", response.getStatus().getMessage());
  }

  @Test
  void upstreamsErrorStatusIsUnavailableAndSaid() throws Exception {
    HttpResponse upstream = new BasicHttpResponse(HttpVersion.HTTP_1_1, 500, "Internal Server Error");

    Response response = whenThePageFails(new ProxyServiceException(upstream));

    assertEquals(503, response.getStatus().getCode());
    assertTrue(response.getStatus().getMessage().contains("500 Internal Server Error"),
        response.getStatus().getMessage());
  }

  @Test
  void anUnreadableAnswerIsABadGateway() throws Exception {
    assertEquals(502, whenThePageFails(new IOException("truncated")).getStatus().getCode());
    assertEquals(502, whenThePageFails(new UncheckedIOException(new IOException("truncated"))).getStatus().getCode());
  }
}
