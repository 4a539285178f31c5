package io.github.nexuspypi.repository.pypi.internal.download;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.sonatype.nexus.repository.view.payloads.BytesPayload;

import org.eclipse.jetty.server.HttpOutput;
import org.eclipse.jetty.util.Callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class FileChannelPayloadTest
{
  private static final String STORED = "0123456789abcdefghij";

  // The channel path: no way to unmap, so nothing is mapped.
  private static final MappedFiles NOT_MAPPED = new MappedFiles(Optional.empty(), 0);

  private static final SendGate GATE = new SendGate(1);

  @TempDir
  Path dir;

  private final BytesPayload blob = new BytesPayload(STORED.getBytes(StandardCharsets.UTF_8), "application/zip");

  private Path file(final String text) throws IOException {
    return Files.writeString(dir.resolve("blob.bytes"), text);
  }

  private static String read(final InputStream in) throws IOException {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theWholeFileOrARangeOfItIsReadFromTheFile() throws IOException {
    // Other bytes of the same size tell the file from the blob's stream.
    FileChannelPayload payload = new FileChannelPayload(file("ABCDEFGHIJKLMNOPQRST"), blob, NOT_MAPPED, GATE);

    assertEquals("ABCDEFGHIJKLMNOPQRST", read(payload.openInputStream()));
    assertEquals(20, payload.getSize());
    assertEquals("FGH", read(payload.range(5, 7).openInputStream()));
    assertEquals(3, payload.range(5, 7).getSize());
    assertEquals(20, payload.range(5, 7).wholeSize());
    assertEquals("application/zip", payload.range(5, 7).getContentType());
  }

  @Test
  void aFileOfAnotherSizeThanTheBlobIsNotServed() throws IOException {
    FileChannelPayload payload = new FileChannelPayload(file("not this blob"), blob, NOT_MAPPED, GATE);

    assertEquals(STORED, read(payload.openInputStream()));
    assertEquals("567", read(payload.range(5, 7).openInputStream()));
  }

  @Test
  void aMissingFileIsReadAsTheBlob() throws IOException {
    FileChannelPayload payload = new FileChannelPayload(dir.resolve("gone.bytes"), blob, NOT_MAPPED, GATE);

    assertEquals(STORED, read(payload.openInputStream()));
    assertEquals("hij", read(payload.range(17, 19).openInputStream()));
  }

  @Test
  void jettysOutputIsGivenTheRangeAsAChannel() throws IOException {
    FileChannelPayload range = new FileChannelPayload(file("ABCDEFGHIJKLMNOPQRST"), blob, NOT_MAPPED, GATE)
        .range(2, 15);
    HttpOutput output = mock(HttpOutput.class);

    try (InputStream input = range.openInputStream()) {
      range.copy(input, output);

      ArgumentCaptor<ReadableByteChannel> sent = ArgumentCaptor.forClass(ReadableByteChannel.class);
      verify(output).sendContent(sent.capture());
      verify(output, never()).write(any(byte[].class), org.mockito.ArgumentMatchers.anyInt(),
          org.mockito.ArgumentMatchers.anyInt());
      assertEquals("CDEFGHIJKLMNOP", drain(sent.getValue(), 4));
    }
  }

  /** Jetty reads a channel in buffers of the output's size: a file larger than one is sent in 64 KiB ones. */
  @Test
  void aFileLargerThanTheOutputsBufferIsSentInJettysLargestPooledBuffers() throws IOException {
    HttpOutput output = mock(HttpOutput.class);
    when(output.getBufferSize()).thenReturn(16);
    FileChannelPayload whole = new FileChannelPayload(file("ABCDEFGHIJKLMNOPQRST"), blob, NOT_MAPPED, GATE);
    FileChannelPayload range = whole.range(0, 15);

    try (InputStream input = whole.openInputStream()) {
      whole.copy(input, output);
    }
    verify(output).setBufferSize(64 * 1024);

    HttpOutput smallRange = mock(HttpOutput.class);
    when(smallRange.getBufferSize()).thenReturn(16);
    try (InputStream input = range.openInputStream()) {
      range.copy(input, smallRange);
    }
    verify(smallRange, never()).setBufferSize(org.mockito.ArgumentMatchers.anyInt());
  }

  @Test
  void anOutputBufferAlreadyLargerIsKept() throws IOException {
    byte[] large = new byte[200_000];
    HttpOutput output = mock(HttpOutput.class);
    when(output.getBufferSize()).thenReturn(128 * 1024);
    FileChannelPayload whole = new FileChannelPayload(Files.write(dir.resolve("large.bytes"), large),
        new BytesPayload(large, "application/zip"), NOT_MAPPED, GATE);

    try (InputStream input = whole.openInputStream()) {
      whole.copy(input, output);
    }

    verify(output).sendContent(any(ReadableByteChannel.class));
    verify(output, never()).setBufferSize(org.mockito.ArgumentMatchers.anyInt());
  }

  /** A file is sent as its kept mapping, a range as that part of it, and the mapping is left mapped. */
  @Test
  void jettysOutputIsGivenTheFilesMappingWhereItCanBeUnmapped() throws IOException {
    List<java.nio.MappedByteBuffer> unmapped = new ArrayList<>();
    MappedFiles mapped = new MappedFiles(Optional.of(unmapped::add), 8);
    Path stored = file("ABCDEFGHIJKLMNOPQRST");
    FileChannelPayload whole = new FileChannelPayload(stored, blob, mapped, GATE);
    FileChannelPayload range = whole.range(2, 15);
    List<String> sent = new ArrayList<>();
    HttpOutput output = JettyOutputs.writingTo(sent);

    for (FileChannelPayload payload : List.of(whole, range)) {
      try (InputStream input = payload.openInputStream()) {
        payload.copy(input, output);
      }
    }

    verify(output, never()).sendContent(any(ReadableByteChannel.class));
    verify(output, never()).sendContent(any(ByteBuffer.class));
    assertEquals(List.of("ABCDEFGHIJKLMNOPQRST", "CDEFGHIJKLMNOP"), sent);
    assertEquals(1, mapped.size());
    assertEquals(List.of(), unmapped);
  }

  /** Once mapped, a file is sent and read from its kept mapping without being opened: even gone, it is whole. */
  @Test
  void aKeptMappingIsUsedWithoutOpeningTheFile() throws IOException {
    MappedFiles mapped = new MappedFiles(Optional.of(buffer -> { }), 8);
    Path stored = file("ABCDEFGHIJKLMNOPQRST");
    FileChannelPayload whole = new FileChannelPayload(stored, blob, mapped, GATE);
    send(whole, JettyOutputs.writingTo(new ArrayList<>()));
    Files.delete(stored);
    List<String> sent = new ArrayList<>();

    send(whole.range(2, 15), JettyOutputs.writingTo(sent));

    assertEquals(List.of("CDEFGHIJKLMNOP"), sent);
    assertEquals("KLMNOPQRST", read(whole.range(10, 19).openInputStream()));
    try (InputStream input = whole.range(2, 5).openInputStream()) {
      assertEquals(2, input.skip(2));
      assertEquals('E', input.read());
      assertEquals(1, input.skip(10));
      assertEquals(-1, input.read());
    }
  }

  @Test
  void aKeptMappingSentWholeIsUnmappedOncePushedOut() throws IOException {
    List<java.nio.MappedByteBuffer> unmapped = new ArrayList<>();
    MappedFiles mapped = new MappedFiles(Optional.of(unmapped::add), 1);
    FileChannelPayload first = new FileChannelPayload(file("ABCDEFGHIJKLMNOPQRST"), blob, mapped, GATE);
    send(first, JettyOutputs.writingTo(new ArrayList<>()));

    send(first, JettyOutputs.writingTo(new ArrayList<>()));
    send(new FileChannelPayload(Files.writeString(dir.resolve("other.bytes"), "abcdefghijklmnopqrst"), blob, mapped,
        GATE), JettyOutputs.writingTo(new ArrayList<>()));

    assertEquals(1, unmapped.size());
  }

  /** Jetty may still hold the bytes of a send that failed: that mapping is left to the garbage collector. */
  @Test
  void aKeptMappingWhoseSendFailedIsNeverUnmappedHere() throws IOException {
    List<java.nio.MappedByteBuffer> unmapped = new ArrayList<>();
    MappedFiles mapped = new MappedFiles(Optional.of(unmapped::add), 1);
    FileChannelPayload first = new FileChannelPayload(file("ABCDEFGHIJKLMNOPQRST"), blob, mapped, GATE);
    send(first, JettyOutputs.writingTo(new ArrayList<>()));
    HttpOutput failing = mock(HttpOutput.class);
    doAnswer(call -> {
      call.getArgument(1, Callback.class).failed(new IOException("connection reset"));
      return null;
    }).when(failing).sendContent(any(ByteBuffer.class), any(Callback.class));

    try (InputStream input = first.openInputStream()) {
      assertEquals("connection reset", assertThrows(IOException.class, () -> first.copy(input, failing)).getMessage());
    }
    send(new FileChannelPayload(Files.writeString(dir.resolve("other.bytes"), "abcdefghijklmnopqrst"), blob, mapped,
        GATE), JettyOutputs.writingTo(new ArrayList<>()));

    assertEquals(List.of(), unmapped);
  }

  private static void send(final FileChannelPayload payload, final HttpOutput output) throws IOException {
    try (InputStream input = payload.openInputStream()) {
      payload.copy(input, output);
    }
  }

  @Test
  void anyOtherOutputGetsACopy() throws IOException {
    FileChannelPayload range = new FileChannelPayload(file("ABCDEFGHIJKLMNOPQRST"), blob, NOT_MAPPED, GATE)
        .range(10, 19);
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    try (InputStream input = range.openInputStream()) {
      range.copy(input, output);
    }

    assertEquals("KLMNOPQRST", output.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aStreamSkipsWithinItsRangeOnly() throws IOException {
    try (InputStream input = new FileChannelPayload(file("ABCDEFGHIJKLMNOPQRST"), blob, NOT_MAPPED, GATE).range(2, 5)
        .openInputStream()) {
      assertEquals(2, input.skip(2));
      assertEquals('E', input.read());
      assertEquals(1, input.skip(10));
      assertEquals(-1, input.read());
    }
  }

  /** Reads the channel as Jetty does, into a buffer smaller than the range. */
  private static String drain(final ReadableByteChannel channel, final int bufferSize) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer buffer = ByteBuffer.allocateDirect(bufferSize);
    while (channel.read(buffer) >= 0) {
      buffer.flip();
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      out.write(bytes);
      buffer.clear();
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
