package io.github.nexuspypi.it.nexus;

import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.domain.internal.BlobImpl;
import org.jclouds.blobstore.options.GetOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.jclouds.io.Payload;
import org.jclouds.io.Payloads;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The jclouds blob store S3Proxy serves, with every object body that goes in (PUT, a multipart upload's part) or
 * out (GET) passed through a {@link TransferHold}.
 */
final class HoldingBlobStore
    extends ForwardingBlobStore
{
  private final TransferHold hold;

  HoldingBlobStore(final BlobStore delegate, final TransferHold hold) {
    super(delegate);
    this.hold = hold;
  }

  @Override
  public String putBlob(final String container, final Blob blob) {
    return putBlob(container, blob, PutOptions.NONE);
  }

  @Override
  public String putBlob(final String container, final Blob blob, final PutOptions options) {
    return super.putBlob(container, withHeldBody(blob), options);
  }

  @Override
  public MultipartPart uploadMultipartPart(final MultipartUpload upload, final int partNumber, final Payload payload) {
    return super.uploadMultipartPart(upload, partNumber, held(payload));
  }

  @Override
  public Blob getBlob(final String container, final String name) {
    return getBlob(container, name, GetOptions.NONE);
  }

  @Override
  public Blob getBlob(final String container, final String name, final GetOptions options) {
    Blob blob = super.getBlob(container, name, options);
    return blob == null ? null : withHeldBody(blob);
  }

  /**
   * A copy with the body held: replacing the body of {@code blob} itself would release its payload, which closes
   * the stream the copy reads.
   */
  private Blob withHeldBody(final Blob blob) {
    if (blob.getPayload() == null) {
      return blob;
    }
    Blob copy = new BlobImpl(blob.getMetadata());
    copy.setPayload(held(blob.getPayload()));
    copy.setAllHeaders(blob.getAllHeaders());
    return copy;
  }

  private Payload held(final Payload payload) {
    try {
      Payload held = Payloads.newInputStreamPayload(hold.wrap(payload.openStream()));
      held.setContentMetadata(payload.getContentMetadata());
      return held;
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot open the body of an S3 transfer", e);
    }
  }
}
