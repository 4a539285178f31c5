package io.github.nexuspypi.repository.pypi.internal.download;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileRangeTest
{
  private static final String CONTENT = "0123456789abcdefghij";

  @TempDir
  Path temporary;

  private Path file;

  @BeforeEach
  void write() throws IOException {
    file = Files.writeString(temporary.resolve("demo-1.0.tar.gz"), CONTENT);
  }

  private FileRange range(final long offset, final long length) throws IOException {
    return new FileRange(FileChannel.open(file, StandardOpenOption.READ), offset, length);
  }

  @Test
  void asAStreamItReadsOnlyItsSpan() throws IOException {
    try (FileRange range = range(5, 10)) {
      assertEquals("56789abcde", new String(range.readAllBytes(), StandardCharsets.US_ASCII));
      assertEquals(-1, range.read());
    }
  }

  @Test
  void asAChannelItFillsNoMoreThanItsSpanAndLeavesTheBuffersLimit() throws IOException {
    try (FileRange range = range(2, 3)) {
      ByteBuffer buffer = ByteBuffer.allocate(16);

      assertEquals(3, range.read(buffer));
      assertEquals(16, buffer.limit(), "the caller's limit, restored");
      assertEquals("234", new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII));
      assertEquals(-1, range.read(buffer));
    }
  }

  @Test
  void singleBytesAndSkipsStayWithinTheSpan() throws IOException {
    try (FileRange range = range(10, 4)) {
      assertEquals('a', range.read());
      assertEquals(3, range.available());
      assertEquals(2, range.skip(2));
      assertEquals('d', range.read());
      assertEquals(0, range.skip(100), "nothing left to skip");
      assertEquals(0, range.available());
    }
  }

  @Test
  void aReadOfNoBytesReadsNothing() throws IOException {
    try (FileRange range = range(0, 5)) {
      assertEquals(0, range.read(new byte[4], 0, 0));
      assertEquals(5, range.available());
    }
  }

  @Test
  void readsLeaveTheChannelsOwnPositionAlone() throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      FileRange range = new FileRange(channel, 4, 4);
      range.readAllBytes();

      assertEquals(0, channel.position());
    }
  }

  @Test
  void closingTheRangeClosesTheFile() throws IOException {
    FileRange range = range(0, 1);
    assertTrue(range.isOpen());

    range.close();

    assertFalse(range.isOpen());
  }
}
