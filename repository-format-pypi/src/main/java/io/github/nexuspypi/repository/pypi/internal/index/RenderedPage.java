package io.github.nexuspypi.repository.pypi.internal.index;

import java.time.Instant;

import io.github.nexuspypi.core.index.SimpleFormat;

import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.payloads.BytesPayload;

import com.google.common.hash.Hashing;
import org.joda.time.DateTime;

/**
 * An index page rendered once and served many times: its bytes, and the validators that let clients revalidate it
 * with a 304.
 */
public record RenderedPage(byte[] body, SimpleFormat format, String etag, Instant lastModified)
{
  public static RenderedPage of(final byte[] body, final SimpleFormat format, final Instant lastModified) {
    return new RenderedPage(body, format, Hashing.sha256().hashBytes(body).toString(), lastModified);
  }

  public Content toContent() {
    Content content = new Content(new BytesPayload(body, format.mediaType()));
    content.getAttributes().set(Content.CONTENT_ETAG, etag);
    content.getAttributes().set(Content.CONTENT_LAST_MODIFIED, new DateTime(lastModified.toEpochMilli()));
    return content;
  }

  /** What the page costs the cache. */
  int weight() {
    return body.length + 64;
  }
}
