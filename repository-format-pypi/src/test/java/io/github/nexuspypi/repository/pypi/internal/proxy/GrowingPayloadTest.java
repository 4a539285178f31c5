package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GrowingPayloadTest
{
  private static final byte[] WHEEL = "wheel bytes".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path temporary;

  private GrowingFile downloaded() throws IOException {
    GrowingFile file = new GrowingFile(Files.createTempFile(temporary, "download-", ".part"), 0);
    file.write(WHEEL, 0, WHEEL.length);
    file.closeWriter();
    return file;
  }

  private static String read(final InputStream in) throws IOException {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aReaderFollowsTheDownloadWhileItsFileIsThere() throws IOException {
    GrowingFile file = downloaded();
    GrowingPayload payload = new GrowingPayload(file, WHEEL.length, "application/zip",
        () -> new ByteArrayInputStream("stored".getBytes(StandardCharsets.UTF_8)));
    InputStream reader = payload.openInputStream();
    file.finish();

    assertEquals("wheel bytes", read(reader));
    assertEquals(WHEEL.length, payload.getSize());
    assertEquals("application/zip", payload.getContentType());
  }

  @Test
  void aReaderThatComesAfterTheDownloadWasStoredAndCleanedAwayReadsTheStoredCopy() throws IOException {
    GrowingFile file = downloaded();
    file.finish();
    GrowingPayload payload = new GrowingPayload(file, WHEEL.length, null,
        () -> new ByteArrayInputStream("stored".getBytes(StandardCharsets.UTF_8)));

    assertEquals("stored", read(payload.openInputStream()));
  }

  @Test
  void aDownloadThatFailedIsNotReplacedByAStoredCopy() throws IOException {
    GrowingFile file = downloaded();
    file.fail(new IOException("upstream cut the connection"));
    GrowingPayload payload = new GrowingPayload(file, WHEEL.length, null,
        () -> new ByteArrayInputStream("stored".getBytes(StandardCharsets.UTF_8)));

    assertThrows(NoSuchFileException.class, payload::openInputStream);
  }
}
