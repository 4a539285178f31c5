package io.github.nexuspypi.repository.pypi.internal.download;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import javax.annotation.Nonnull;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

import org.sonatype.nexus.blobstore.api.BlobRef;
import org.sonatype.nexus.repository.content.Asset;
import org.sonatype.nexus.repository.content.AssetBlob;
import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Payload;
import org.sonatype.nexus.repository.view.Response;

/**
 * Opens a stored file's stream while the request is still in its handlers, where the blob store is not a file one
 * (S3): Nexus's response sender opens it only after it has set the status 200, so an S3 service already down
 * before a download was a 500 from Jetty; opened here, the failure reaches {@code StorageOutageHandler}, which
 * answers a 503 naming the blob store. A whole file's answer is opened when its blob has no file, a range's (206)
 * when it is not sent from a file ({@link FileRangeHandler}): Nexus's range payload opens the blob's stream and
 * skips to the range, here rather than in the sender. A 304 has no payload. Only answers that are sent are opened:
 * the sender closes what it sends, the stream with it.
 */
@Named
@Singleton
public class OpenedBlobHandler
    implements Handler
{
  private final BlobFiles blobFiles;

  @Inject
  public OpenedBlobHandler(final BlobFiles blobFiles) {
    this.blobFiles = blobFiles;
  }

  @Nonnull
  @Override
  public Response handle(@Nonnull final Context context) throws Exception {
    Response response = context.proceed();
    if (!HttpMethods.GET.equals(context.getRequest().getAction())) {
      return response;
    }
    Payload range = response.getPayload();
    if (response.getStatus().getCode() == 206 && range != null && !(range instanceof FileChannelPayload)) {
      return new Response.Builder().copy(response).payload(new OpenedPayload(range, range.openInputStream())).build();
    }
    if (response.getStatus().getCode() != 200 || !(response.getPayload() instanceof Content)) {
      return response;
    }
    Content stored = (Content) response.getPayload();
    Optional<BlobRef> streamed = Optional.ofNullable(stored.getAttributes().get(Asset.class))
        .flatMap(Asset::blob)
        .map(AssetBlob::blobRef)
        .filter(blob -> blobFiles.contentFile(blob).isEmpty());
    if (streamed.isEmpty()) {
      return response;
    }
    return new Response.Builder().copy(response)
        .payload(new Content(stored, new OpenedPayload(stored.getPayload(), stored.getPayload().openInputStream())))
        .build();
  }

  /** A payload whose first stream was opened before it was sent. */
  static final class OpenedPayload
      implements Payload
  {
    private final Payload source;

    private InputStream opened;

    OpenedPayload(final Payload source, final InputStream opened) {
      this.source = source;
      this.opened = opened;
    }

    @Override
    public synchronized InputStream openInputStream() throws IOException {
      if (opened == null) {
        return source.openInputStream();
      }
      InputStream first = opened;
      opened = null;
      return first;
    }

    @Override
    public long getSize() {
      return source.getSize();
    }

    @Override
    public String getContentType() {
      return source.getContentType();
    }

    @Override
    public synchronized void close() throws IOException {
      try (Payload closing = source) {
        if (opened != null) {
          opened.close();
          opened = null;
        }
      }
    }
  }
}
