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
public final class RenderedPage
{
  private final byte[] body;

  private final SimpleFormat format;

  private final String etag;

  private final Instant lastModified;

  private RenderedPage(final byte[] body, final SimpleFormat format, final String etag, final Instant lastModified) {
    this.body = body;
    this.format = format;
    this.etag = etag;
    this.lastModified = lastModified;
  }

  public static RenderedPage of(final byte[] body, final SimpleFormat format, final Instant lastModified) {
    return new RenderedPage(body, format, Hashing.sha256().hashBytes(body).toString(), lastModified);
  }

  public byte[] body() {
    return body;
  }

  public SimpleFormat format() {
    return format;
  }

  public String etag() {
    return etag;
  }

  public Content toContent() {
    Content content = new Content(new BytesPayload(body, contentType(format)));
    content.getAttributes().set(Content.CONTENT_ETAG, etag);
    content.getAttributes().set(Content.CONTENT_LAST_MODIFIED, new DateTime(lastModified.toEpochMilli()));
    return content;
  }

  /** The exact type a simple page is served as; JSON is UTF-8 by definition, HTML needs saying so. */
  public static String contentType(final SimpleFormat format) {
    return format.isJson() ? format.mediaType() : format.mediaType() + "; charset=utf-8";
  }

  /**
   * What the page costs the cache: its bytes, and what holds them (this object, the array's header, the ETag's string
   * of 64 letters and the moment: 176 bytes, from a class histogram).
   */
  public int weight() {
    return body.length + 176;
  }
}
