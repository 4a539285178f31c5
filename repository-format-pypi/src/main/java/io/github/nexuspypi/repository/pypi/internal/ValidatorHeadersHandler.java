package io.github.nexuspypi.repository.pypi.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import javax.annotation.Nonnull;
import javax.inject.Named;
import javax.inject.Singleton;

import org.sonatype.nexus.repository.ETagHeaderUtils;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Payload;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.handlers.ContentHeadersHandler;

import com.google.common.net.HttpHeaders;
import org.joda.time.DateTime;

/**
 * A successful answer's {@code ETag} and {@code Last-Modified}, from its content, as Nexus's
 * {@link ContentHeadersHandler} sets them. Only the date is written differently: Nexus's Joda pattern spells the
 * zone by name ({@code zzz}), and Joda looks names up under one global lock ({@code DefaultNameProvider}), on which
 * request threads queued for 10 ms and more under load. The zone of an HTTP date is always GMT, so here it is a
 * literal, and {@code java.time} formats without a lock. Formatted dates are kept: a file's date does not change
 * between its downloads, and formatting it anew was 3 % of a download's CPU.
 */
@Named
@Singleton
public class ValidatorHeadersHandler
    implements Handler
{
  // RFC 9110's IMF-fixdate: two-digit day, English names, GMT.
  static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
      Locale.US).withZone(ZoneOffset.UTC);

  private static final long KEPT_DATES = 10_000;

  private final KeptResults<Long, String> httpDates = new KeptResults<>(KEPT_DATES,
      epochMillis -> HTTP_DATE.format(Instant.ofEpochMilli(epochMillis)));

  @Nonnull
  @Override
  public Response handle(@Nonnull final Context context) throws Exception {
    Response response = context.proceed();
    Payload payload = response.getPayload();
    if (response.getStatus().isSuccessful() && payload instanceof Content) {
      Content content = (Content) payload;
      DateTime lastModified = content.getAttributes().get(Content.CONTENT_LAST_MODIFIED, DateTime.class);
      if (lastModified != null) {
        response.getHeaders().replace(HttpHeaders.LAST_MODIFIED, httpDates.get(lastModified.getMillis()));
      }
      String etag = content.getAttributes().get(Content.CONTENT_ETAG, String.class);
      if (etag != null) {
        response.getHeaders().replace(HttpHeaders.ETAG, ETagHeaderUtils.quote(etag));
      }
    }
    return response;
  }
}
