package io.github.nexuspypi.repository.pypi.internal.download;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.sonatype.nexus.blobstore.api.BlobRef;
import org.sonatype.nexus.common.collect.AttributesMap;
import org.sonatype.nexus.repository.content.Asset;
import org.sonatype.nexus.repository.content.AssetBlob;
import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.payloads.BytesPayload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class FileChannelHandlerTest
{
  private final BlobRef blobRef = new BlobRef("node", "default", "a8f3f56f-e895-4b6e-984a-1cf1f5107d36");

  private final BlobFiles blobFiles = mock(BlobFiles.class);

  private final FileChannelHandler handler = new FileChannelHandler(blobFiles,
      new MappedFiles(java.util.Optional.empty(), 0), new SendGate());

  private final AttributesMap contextAttributes = new AttributesMap();

  private Response after(final Response response) throws Exception {
    Context context = mock(Context.class);
    when(context.proceed()).thenReturn(response);
    when(context.getAttributes()).thenReturn(contextAttributes);
    return handler.handle(context);
  }

  private Content storedContent() {
    Content content = new Content(new BytesPayload("wheel".getBytes(StandardCharsets.UTF_8), "application/zip"));
    Asset asset = mock(Asset.class);
    AssetBlob assetBlob = mock(AssetBlob.class);
    when(assetBlob.blobRef()).thenReturn(blobRef);
    when(asset.blob()).thenReturn(Optional.of(assetBlob));
    content.getAttributes().set(Asset.class, asset);
    content.getAttributes().set(Content.CONTENT_ETAG, "\"sha1\"");
    return content;
  }

  @Test
  void aBlobOfAFileStoreIsSentFromItsFile() throws Exception {
    Content stored = storedContent();
    when(blobFiles.contentFile(blobRef)).thenReturn(Optional.of(Path.of("/blobs/default/content/vol-01/x.bytes")));

    Response response = after(HttpResponses.ok(stored));

    Content sent = assertInstanceOf(Content.class, response.getPayload());
    assertInstanceOf(FileChannelPayload.class, sent.getPayload());
    assertSame(stored.getAttributes(), sent.getAttributes());
    assertEquals(5, sent.getSize());
    assertEquals("application/zip", sent.getContentType());
    assertSame(sent.getPayload(), contextAttributes.get(FileChannelPayload.class));
  }

  @Test
  void aBlobOfAnotherStoreIsStreamedAsBefore() throws Exception {
    Response ok = HttpResponses.ok(storedContent());
    when(blobFiles.contentFile(blobRef)).thenReturn(Optional.empty());

    assertSame(ok, after(ok));
    assertNull(contextAttributes.get(FileChannelPayload.class));
  }

  @Test
  void contentWithoutAnAssetOrOtherAnswersPass() throws Exception {
    Response fetching = HttpResponses.ok(new Content(new BytesPayload(new byte[3], null)));
    Response notFound = HttpResponses.notFound();

    assertSame(fetching, after(fetching));
    assertSame(notFound, after(notFound));
  }
}
