package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SizeLimitedInputStreamTest
{
  private static final int MIB = 1024 * 1024;

  private static InputStream limited(final int size, final long limit) {
    return new SizeLimitedInputStream(new ByteArrayInputStream(new byte[size]), limit, "The page of 'demo'");
  }

  @Test
  void aStreamUpToTheLimitIsReadWhole() throws IOException {
    try (InputStream in = limited(MIB, MIB)) {
      assertEquals(MIB, in.readAllBytes().length);
    }
  }

  @Test
  void theReadThatGoesPastTheLimitFailsSayingWhatAndTheLimit() {
    IOException refused = assertThrows(IOException.class, () -> limited(MIB + 1, MIB).readAllBytes());

    assertEquals("The page of 'demo' is larger than 1 MiB.", refused.getMessage());
  }

  @Test
  void singleByteReadsCount() throws IOException {
    try (InputStream in = limited(3, 2)) {
      in.read();
      in.read();
      assertThrows(IOException.class, in::read);
    }
  }

  @Test
  void skippedBytesCount() throws IOException {
    try (InputStream in = limited(10, 5)) {
      assertEquals(5, in.skip(5));
      assertThrows(IOException.class, in::read);
    }
  }

  @Test
  void theEndOfTheStreamIsNoByte() throws IOException {
    try (InputStream in = limited(2, 2)) {
      in.readAllBytes();
      assertEquals(-1, in.read());
      assertEquals(-1, in.read(new byte[4], 0, 4));
    }
  }
}
