package io.github.nexuspypi.repository.pypi.internal;

import java.nio.charset.StandardCharsets;

import org.sonatype.nexus.repository.date.DateTimeUtils;
import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.handlers.ContentHeadersHandler;
import org.sonatype.nexus.repository.view.payloads.BytesPayload;

import com.google.common.net.HttpHeaders;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ValidatorHeadersHandlerTest
{
  private static Response after(final Response response) throws Exception {
    Context context = mock(Context.class);
    when(context.proceed()).thenReturn(response);
    return new ValidatorHeadersHandler().handle(context);
  }

  private static Content page(final DateTime lastModified, final String etag) {
    Content content = new Content(new BytesPayload("page".getBytes(StandardCharsets.UTF_8), "text/html"));
    content.getAttributes().set(Content.CONTENT_LAST_MODIFIED, lastModified);
    content.getAttributes().set(Content.CONTENT_ETAG, etag);
    return content;
  }

  /** Byte for byte what Nexus's own handler writes, in any zone the content's date carries, single-digit days too. */
  @ParameterizedTest
  @ValueSource(longs = {0L, 1_700_000_000_123L, 1_801_234_567_000L, 951_782_400_000L})
  void writesWhatNexussOwnHandlerWrites(final long millis) throws Exception {
    DateTime lastModified = new DateTime(millis, DateTimeZone.forID("Asia/Kolkata"));
    Context context = mock(Context.class);
    when(context.proceed()).thenReturn(HttpResponses.ok(page(lastModified, "abc")));
    Response nexus = new ContentHeadersHandler().handle(context);

    Response ours = after(HttpResponses.ok(page(lastModified, "abc")));

    assertEquals(nexus.getHeaders().get(HttpHeaders.LAST_MODIFIED), ours.getHeaders().get(HttpHeaders.LAST_MODIFIED));
    assertEquals(DateTimeUtils.formatDateTime(lastModified), ours.getHeaders().get(HttpHeaders.LAST_MODIFIED));
    assertEquals(nexus.getHeaders().get(HttpHeaders.ETAG), ours.getHeaders().get(HttpHeaders.ETAG));
    assertEquals("\"abc\"", ours.getHeaders().get(HttpHeaders.ETAG));
  }

  /** Dates are kept once formatted: each answer still gets its own. */
  @Test
  void oneHandlerWritesEachAnswersOwnDate() throws Exception {
    ValidatorHeadersHandler handler = new ValidatorHeadersHandler();
    long[] dates = {1_700_000_000_123L, 1_801_234_567_000L, 1_700_000_000_123L, 951_782_400_000L};

    for (long millis : dates) {
      Context context = mock(Context.class);
      when(context.proceed()).thenReturn(HttpResponses.ok(page(new DateTime(millis), "abc")));
      assertEquals(DateTimeUtils.formatDateTime(new DateTime(millis)),
          handler.handle(context).getHeaders().get(HttpHeaders.LAST_MODIFIED));
    }
  }

  @Test
  void anAnswerThatIsNoSuccessOrHasNoContentGetsNoValidators() throws Exception {
    Response missing = after(HttpResponses.notFound());
    Response plain = after(HttpResponses.ok(new BytesPayload(new byte[1], null)));

    assertNull(missing.getHeaders().get(HttpHeaders.LAST_MODIFIED));
    assertNull(plain.getHeaders().get(HttpHeaders.LAST_MODIFIED));
    assertNull(plain.getHeaders().get(HttpHeaders.ETAG));
  }
}
