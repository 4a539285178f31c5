package io.github.nexuspypi.repository.pypi.internal.download;

import java.util.Optional;

import javax.annotation.Nonnull;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

import org.sonatype.nexus.repository.content.Asset;
import org.sonatype.nexus.repository.content.AssetBlob;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Response;

/**
 * Has a stored file (hosted, or a proxy's cached copy) sent from its blob's file where the blob store is a file blob
 * store. The content keeps its attributes (the asset, validators, cache details), so the handlers around see the
 * same download; the file payload is also left in the context for {@link FileRangeHandler}, as Nexus's range
 * handler wraps what it gets in a payload of its own.
 */
@Named
@Singleton
public class FileChannelHandler
    implements Handler
{
  private final BlobFiles blobFiles;

  private final MappedFiles mappedFiles;

  private final SendGate sendGate;

  @Inject
  public FileChannelHandler(final BlobFiles blobFiles, final MappedFiles mappedFiles, final SendGate sendGate) {
    this.blobFiles = blobFiles;
    this.mappedFiles = mappedFiles;
    this.sendGate = sendGate;
  }

  @Nonnull
  @Override
  public Response handle(@Nonnull final Context context) throws Exception {
    Response response = context.proceed();
    if (response.getStatus().getCode() != 200 || !(response.getPayload() instanceof Content)) {
      return response;
    }
    Content stored = (Content) response.getPayload();
    Optional<FileChannelPayload> file = Optional.ofNullable(stored.getAttributes().get(Asset.class))
        .flatMap(Asset::blob)
        .map(AssetBlob::blobRef)
        .flatMap(blobFiles::contentFile)
        .map(path -> new FileChannelPayload(path, stored, mappedFiles, sendGate));
    if (file.isEmpty()) {
      return response;
    }
    context.getAttributes().set(FileChannelPayload.class, file.get());
    return new Response.Builder().copy(response).payload(new Content(stored, file.get())).build();
  }
}
