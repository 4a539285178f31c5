package io.github.nexuspypi.repository.pypi.internal.group;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.payloads.BytesPayload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ServedByHandlerTest
{
  private final ServedByHandler handler = new ServedByHandler();

  private static Content page() {
    return new Content(new BytesPayload("page".getBytes(StandardCharsets.UTF_8), "text/html"));
  }

  private Response after(final Response response) throws Exception {
    Context context = mock(Context.class);
    when(context.proceed()).thenReturn(response);
    return handler.handle(context);
  }

  @Test
  void aMergedPageTellsTheMembersItCameFrom() throws Exception {
    Content page = page();
    ServedBy.mark(page, List.of("hosted", "proxy"));

    Response response = after(HttpResponses.ok(page));

    assertEquals("hosted, proxy", response.getHeaders().get(ServedBy.HEADER));
  }

  @Test
  void otherAnswersTellNothing() throws Exception {
    assertFalse(after(HttpResponses.ok(page())).getHeaders().contains(ServedBy.HEADER));
    assertFalse(after(HttpResponses.notFound()).getHeaders().contains(ServedBy.HEADER));
  }
}
