package io.github.nexuspypi.repository.pypi.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.payloads.BytesPayload;

import com.google.common.net.HttpHeaders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class AcceptRangesHandlerTest
{
  private final AcceptRangesHandler handler = new AcceptRangesHandler();

  private Response after(final Response response) throws Exception {
    Context context = mock(Context.class);
    when(context.proceed()).thenReturn(response);
    return handler.handle(context);
  }

  @Test
  void aServedFileSaysItServesRanges() throws Exception {
    Response response = after(HttpResponses.ok(new BytesPayload("wheel".getBytes(StandardCharsets.UTF_8), null)));

    assertEquals("bytes", response.getHeaders().get(HttpHeaders.ACCEPT_RANGES));
  }

  @Test
  void otherAnswersSayNothing() throws Exception {
    assertNull(after(HttpResponses.notFound()).getHeaders().get(HttpHeaders.ACCEPT_RANGES));
    assertNull(after(HttpResponses.ok()).getHeaders().get(HttpHeaders.ACCEPT_RANGES));
  }
}
