package io.github.nexuspypi.repository.pypi.internal.download;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.sonatype.nexus.blobstore.api.BlobRef;
import org.sonatype.nexus.repository.content.Asset;
import org.sonatype.nexus.repository.content.AssetBlob;
import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Payload;
import org.sonatype.nexus.repository.view.Request;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.Status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class OpenedBlobHandlerTest
{
  private final BlobRef blobRef = new BlobRef("node", "s3", "a8f3f56f-e895-4b6e-984a-1cf1f5107d36");

  private final BlobFiles blobFiles = mock(BlobFiles.class);

  private final OpenedBlobHandler handler = new OpenedBlobHandler(blobFiles);

  private final Payload blob = mock(Payload.class);

  private Response after(final String method, final Response response) throws Exception {
    Context context = mock(Context.class);
    Request request = mock(Request.class);
    when(request.getAction()).thenReturn(method);
    when(context.getRequest()).thenReturn(request);
    when(context.proceed()).thenReturn(response);
    return handler.handle(context);
  }

  private Content stored() {
    Content content = new Content(blob);
    Asset asset = mock(Asset.class);
    AssetBlob assetBlob = mock(AssetBlob.class);
    when(assetBlob.blobRef()).thenReturn(blobRef);
    when(asset.blob()).thenReturn(Optional.of(assetBlob));
    content.getAttributes().set(Asset.class, asset);
    return content;
  }

  private static InputStream bytes(final String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aBlobStoreGoneAwayFailsInTheHandlersWhereTheOutageIsAnswered() throws Exception {
    when(blobFiles.contentFile(blobRef)).thenReturn(Optional.empty());
    when(blob.openInputStream()).thenThrow(new IOException("Unable to execute HTTP request: Connection refused"));

    assertThrows(IOException.class, () -> after(HttpMethods.GET, HttpResponses.ok(stored())));
  }

  @Test
  void theSenderGetsTheStreamOpenedFirstThenNewOnes() throws Exception {
    when(blobFiles.contentFile(blobRef)).thenReturn(Optional.empty());
    InputStream first = bytes("first");
    InputStream second = bytes("second");
    when(blob.openInputStream()).thenReturn(first, second);
    when(blob.getSize()).thenReturn(5L);
    Content stored = stored();

    Content sent = assertInstanceOf(Content.class, after(HttpMethods.GET, HttpResponses.ok(stored)).getPayload());

    assertSame(stored.getAttributes(), sent.getAttributes());
    assertEquals(5, sent.getSize());
    assertSame(first, sent.openInputStream());
    assertSame(second, sent.openInputStream());
  }

  @Test
  void aStreamNeverSentIsClosedWithItsPayload() throws Exception {
    when(blobFiles.contentFile(blobRef)).thenReturn(Optional.empty());
    InputStream opened = mock(InputStream.class);
    when(blob.openInputStream()).thenReturn(opened);

    after(HttpMethods.GET, HttpResponses.ok(stored())).getPayload().close();

    verify(opened).close();
    verify(blob).close();
  }

  @Test
  void aRangeFromABlobStoreGoneAwayFailsInTheHandlersToo() throws Exception {
    when(blob.openInputStream()).thenThrow(new IOException("Unable to execute HTTP request: Connection refused"));

    assertThrows(IOException.class, () -> after(HttpMethods.GET, partial(blob)));
  }

  @Test
  void theSenderGetsTheRangeOpenedFirst() throws Exception {
    InputStream first = bytes("first");
    when(blob.openInputStream()).thenReturn(first);
    when(blob.getSize()).thenReturn(5L);

    Payload sent = after(HttpMethods.GET, partial(blob)).getPayload();

    assertEquals(5, sent.getSize());
    assertSame(first, sent.openInputStream());
  }

  @Test
  void aRangeSentFromAFileIsLeftAlone() throws Exception {
    Response fromFile = partial(new FileChannelPayload(Path.of("/blobs/default/content/vol-01/x.bytes"), blob,
        mock(MappedFiles.class), new SendGate()));

    assertSame(fromFile, after(HttpMethods.GET, fromFile));
    verify(blob, never()).openInputStream();
  }

  /** A 206 as Nexus's range handler makes it, with a payload of its own. */
  private static Response partial(final Payload range) {
    return new Response.Builder().status(Status.success(206)).payload(range).build();
  }

  @Test
  void aFileBlobStoresBlobHeadsOtherAnswersAndOtherContentAreLeftAlone() throws Exception {
    Response head = HttpResponses.ok(stored());
    Response notFound = HttpResponses.notFound();
    Response page = HttpResponses.ok(new Content(blob));
    when(blobFiles.contentFile(blobRef)).thenReturn(Optional.of(Path.of("/blobs/default/content/vol-01/x.bytes")));
    Response onFile = HttpResponses.ok(stored());

    assertSame(head, after(HttpMethods.HEAD, head));
    assertSame(notFound, after(HttpMethods.GET, notFound));
    assertSame(page, after(HttpMethods.GET, page));
    assertSame(onFile, after(HttpMethods.GET, onFile));
    verify(blob, never()).openInputStream();
    verify(blobFiles, times(1)).contentFile(blobRef);
  }
}
