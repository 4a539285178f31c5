package io.github.nexuspypi.repository.pypi.internal.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.nexus.common.collect.AttributesMap;
import org.sonatype.nexus.repository.http.HttpStatus;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Payload;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.Status;
import org.sonatype.nexus.repository.view.payloads.BytesPayload;

import com.google.common.net.HttpHeaders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class FileRangeHandlerTest
{
  @TempDir
  Path dir;

  private final FileRangeHandler handler = new FileRangeHandler();

  private final AttributesMap attributes = new AttributesMap();

  private final Payload nexusRange = new BytesPayload("cdef".getBytes(StandardCharsets.UTF_8), null);

  private Response after(final Response response) throws Exception {
    Context context = mock(Context.class);
    when(context.proceed()).thenReturn(response);
    when(context.getAttributes()).thenReturn(attributes);
    return handler.handle(context);
  }

  private void fileInContext() throws IOException {
    Path file = Files.writeString(dir.resolve("blob.bytes"), "ABCDEFGHIJ");
    attributes.set(FileChannelPayload.class,
        new FileChannelPayload(file, new BytesPayload("abcdefghij".getBytes(StandardCharsets.UTF_8), null),
            new MappedFiles(java.util.Optional.empty(), 0), new SendGate()));
  }

  private Response partial(final String contentRange) {
    return new Response.Builder().status(Status.success(HttpStatus.PARTIAL_CONTENT))
        .header(HttpHeaders.CONTENT_RANGE, contentRange).payload(nexusRange).build();
  }

  @Test
  void theRangeNexusChoseIsTakenFromTheFile() throws Exception {
    fileInContext();

    Response response = after(partial("bytes 2-5/10"));

    assertEquals(HttpStatus.PARTIAL_CONTENT, response.getStatus().getCode());
    assertEquals("bytes 2-5/10", response.getHeaders().get(HttpHeaders.CONTENT_RANGE));
    assertEquals(4, response.getPayload().getSize());
    try (InputStream in = response.getPayload().openInputStream()) {
      assertEquals("CDEF", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void nexusRangeStaysWithoutAFileOrForAnotherWholeSize() throws Exception {
    assertSame(nexusRange, after(partial("bytes 2-5/10")).getPayload());

    fileInContext();
    assertSame(nexusRange, after(partial("bytes 2-5/11")).getPayload());
    assertSame(nexusRange, after(partial("bytes */10")).getPayload());
  }

  @Test
  void otherAnswersPassAsTheyAre() throws Exception {
    fileInContext();
    Response whole = new Response.Builder().status(Status.success(HttpStatus.OK)).payload(nexusRange).build();

    assertSame(whole, after(whole));
  }
}
