package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.ContentTypes;
import org.sonatype.nexus.repository.view.payloads.BytesPayload;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A download served while it arrives. Where a test reads the download itself, the file is stored (or refused) only
 * once the reader has opened it: a download that ends first is served from the stored copy instead.
 */
class StreamingDownloadsTest
{
  private static final ProxyTarget WHEEL = ProxyTarget.of("/packages/demo/1.0/demo-1.0-py3-none-any.whl")
      .orElseThrow();

  private static final String URL = "https://files.example/demo-1.0-py3-none-any.whl";

  // Larger than what readers are held back from, so that the answer comes before the file is whole.
  private static final int LARGE = 300 * 1024;

  @TempDir
  Path temporary;

  private StreamingDownloads downloads;

  private final CountDownLatch readerOpened = new CountDownLatch(1);

  private final AtomicReference<byte[]> stored = new AtomicReference<>();

  @BeforeEach
  void start() {
    downloads = new StreamingDownloads(temporary, "proxy");
  }

  @AfterEach
  void shutdown() {
    downloads.shutdown();
  }

  @Test
  void theClientGetsTheFileAsUpstreamSendsItAndTheSameBytesAreStored() throws Exception {
    byte[] file = random(LARGE);
    Content served = downloads.stream(WHEEL, URL, remote(file), this::keepOnceRead, this::noStoredCopy);

    assertArrayEquals(file, readOpened(served));
    assertArrayEquals(file, stored.get());
    assertEquals(LARGE, served.getSize(), "upstream's length, so that a client can tell a cut answer");
    assertEquals(ContentTypes.APPLICATION_ZIP, served.getContentType(), "from the file's name");
  }

  @Test
  void aSmallFileRefusedOnArrivalIsAFailureBeforeTheAnswerStarts() {
    IOException refused = assertThrows(IOException.class,
        () -> downloads.stream(WHEEL, URL, remote(random(1000)), this::refuse, this::noStoredCopy));

    assertEquals("sha256 mismatch", refused.getMessage());
  }

  @Test
  void aLargeFileRefusedOnArrivalFailsItsReaderBeforeItsLastBytes() throws Exception {
    Content served = downloads.stream(WHEEL, URL, remote(random(LARGE)), this::refuseOnceRead,
        this::noStoredCopy);

    IOException refused = assertThrows(IOException.class, () -> readOpened(served));
    assertEquals("sha256 mismatch", refused.getMessage());
  }

  @Test
  void aReaderAfterTheDownloadWasCleanedAwayReadsTheStoredCopy() throws Exception {
    byte[] copy = "the stored copy".getBytes(StandardCharsets.UTF_8);
    Content served = downloads.stream(WHEEL, URL, remote(random(LARGE)), this::keepOnceRead,
        () -> new ByteArrayInputStream(copy));
    readOpened(served);

    try (InputStream in = served.openInputStream()) {
      assertArrayEquals(copy, in.readAllBytes());
    }
  }

  @Test
  void theDownloadsOwnFileIsDeletedOnceStoredAndReadOrRefused() throws Exception {
    readOpened(downloads.stream(WHEEL, URL, remote(random(LARGE)), this::keepOnceRead, this::noStoredCopy));
    assertThrows(IOException.class,
        () -> downloads.stream(WHEEL, URL, remote(random(1000)), this::refuse, this::noStoredCopy));

    try (Stream<Path> left = Files.list(temporary)) {
      assertEquals(0, left.count());
    }
  }

  /** Opens the answer, lets the download end, and reads the answer to its end. */
  private byte[] readOpened(final Content served) throws IOException {
    try (InputStream in = served.openInputStream()) {
      readerOpened.countDown();
      return in.readAllBytes();
    }
  }

  private void awaitReader() throws IOException {
    try {
      assertTrue(readerOpened.await(60, TimeUnit.SECONDS), "the test never opened the answer");
    }
    catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private void keepOnceRead(final Path file) throws IOException {
    awaitReader();
    stored.set(Files.readAllBytes(file));
  }

  private void refuseOnceRead(final Path file) throws IOException {
    awaitReader();
    refuse(file);
  }

  private void refuse(final Path file) throws IOException {
    throw new IOException("sha256 mismatch");
  }

  private InputStream noStoredCopy() {
    return fail("the download's own file is still there");
  }

  private static Content remote(final byte[] bytes) {
    return new Content(new BytesPayload(bytes, ContentTypes.APPLICATION_OCTET_STREAM));
  }

  private static byte[] random(final int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }
}
