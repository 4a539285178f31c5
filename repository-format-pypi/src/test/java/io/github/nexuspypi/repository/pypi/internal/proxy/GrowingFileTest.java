package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrowingFileTest
{
  private static final int HOLD_BACK = 1000;

  @TempDir
  Path temporary;

  private final ExecutorService readers = Executors.newCachedThreadPool();

  @AfterEach
  void stopReaders() {
    readers.shutdownNow();
  }

  private GrowingFile growing() throws IOException {
    return new GrowingFile(Files.createTempFile(temporary, "download-", ".part"), HOLD_BACK);
  }

  private static byte[] bytes(final int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  @Test
  void readersGetTheBytesBeforeTheDownloadEndsButNotTheLastOnes() throws Exception {
    GrowingFile file = growing();
    byte[] content = bytes(10_000);
    file.write(content, 0, 6_000);

    try (InputStream in = file.open()) {
      byte[] early = new byte[10_000];
      int n = in.read(early, 0, early.length);
      assertEquals(6_000 - HOLD_BACK, n, "what arrived, but the held-back tail");
      assertArrayEquals(Arrays.copyOf(content, n), Arrays.copyOf(early, n));
    }
  }

  @Test
  void everyReaderGetsTheWholeFileOnceItIsAccepted() throws Exception {
    GrowingFile file = growing();
    byte[] content = bytes(50_000);
    InputStream firstIn = file.open();
    InputStream secondIn = file.open();
    Future<byte[]> first = readers.submit(() -> readAll(firstIn));
    Future<byte[]> second = readers.submit(() -> readAll(secondIn));
    for (int offset = 0; offset < content.length; offset += 7_000) {
      file.write(content, offset, Math.min(7_000, content.length - offset));
    }
    file.closeWriter();
    assertFalse(first.isDone(), "the tail waits for the file to be accepted");

    file.finish();

    assertArrayEquals(content, first.get(10, TimeUnit.SECONDS));
    assertArrayEquals(content, second.get(10, TimeUnit.SECONDS));
  }

  @Test
  void aRefusedFileFailsEveryReaderBeforeItsEnd() throws Exception {
    GrowingFile file = growing();
    byte[] content = bytes(20_000);
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    Future<?> reader = readers.submit(() -> {
      try (InputStream in = file.open()) {
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) >= 0) {
          received.write(buffer, 0, n);
        }
      }
      return null;
    });
    file.write(content, 0, content.length);
    file.closeWriter();

    file.fail(new IOException("sha256 differs"));

    Exception failure = assertThrows(Exception.class, () -> reader.get(10, TimeUnit.SECONDS));
    assertTrue(failure.getCause() instanceof IOException, failure::toString);
    assertTrue(received.size() <= content.length - HOLD_BACK, "the held-back tail never reached the reader");
  }

  @Test
  void theFileIsDeletedWhenAcceptedAndItsLastReaderHasClosed() throws Exception {
    GrowingFile file = growing();
    file.write(bytes(100), 0, 100);
    file.closeWriter();
    InputStream in = file.open();

    file.finish();
    assertTrue(Files.exists(file.file()), "a reader still holds it");

    in.close();
    assertFalse(Files.exists(file.file()));
  }

  @Test
  void aFailedFileIsDeletedToo() throws Exception {
    GrowingFile file = growing();
    file.write(bytes(100), 0, 100);

    file.fail(new IOException("connection reset"));

    assertFalse(Files.exists(file.file()));
  }

  @Test
  void aReaderIsAnsweredOnceBytesCanFlow() throws Exception {
    GrowingFile file = growing();
    Future<?> waiting = readers.submit(() -> {
      file.awaitReadable();
      return null;
    });
    file.write(bytes(HOLD_BACK), 0, HOLD_BACK);
    assertFalse(waiting.isDone(), "all it has is held back");

    file.write(bytes(1), 0, 1);

    waiting.get(10, TimeUnit.SECONDS);
  }

  @Test
  void aSmallFileThatIsRefusedFailsBeforeAnythingIsAnswered() throws Exception {
    GrowingFile file = growing();
    file.write(bytes(100), 0, 100);
    Future<?> waiting = readers.submit(() -> {
      file.awaitReadable();
      return null;
    });

    file.fail(new IOException("sha256 differs"));

    Exception failure = assertThrows(Exception.class, () -> waiting.get(10, TimeUnit.SECONDS));
    assertTrue(failure.getCause() instanceof IOException, failure::toString);
  }

  private static byte[] readAll(final InputStream opened) throws IOException {
    try (InputStream in = opened) {
      return in.readAllBytes();
    }
  }
}
