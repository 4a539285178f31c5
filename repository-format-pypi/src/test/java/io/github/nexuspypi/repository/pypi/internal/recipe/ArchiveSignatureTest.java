package io.github.nexuspypi.repository.pypi.internal.recipe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchiveSignatureTest
{
  @TempDir
  Path folder;

  @Test
  void aWheelOrZipSdistMustStartWithAZipEntry() throws IOException {
    Path zip = write(new byte[] {'P', 'K', 3, 4, 20, 0});
    assertTrue(ArchiveSignature.startsAsNamed(zip, "demo-1.0-py3-none-any.whl"));
    assertTrue(ArchiveSignature.startsAsNamed(zip, "demo-1.0.ZIP"));
    assertFalse(ArchiveSignature.startsAsNamed(zip, "demo-1.0.tar.gz"));
  }

  @Test
  void bytesBeforeTheFirstZipEntryAreNotAProof() throws IOException {
    Path prefixed = write("<!DOCTYPE html>PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1));
    assertFalse(ArchiveSignature.startsAsNamed(prefixed, "demo-1.0-py3-none-any.whl"));
  }

  @Test
  void compressedSdistsStartWithTheirCompressorsMagicNumber() throws IOException {
    assertTrue(ArchiveSignature.startsAsNamed(write(new byte[] {0x1f, (byte) 0x8b, 8}), "demo-1.0.tar.gz"));
    assertTrue(ArchiveSignature.startsAsNamed(write(new byte[] {0x1f, (byte) 0x8b, 8}), "demo-1.0.tgz"));
    assertTrue(ArchiveSignature.startsAsNamed(write(new byte[] {'B', 'Z', 'h', '9'}), "demo-1.0.tar.bz2"));
    assertFalse(ArchiveSignature.startsAsNamed(write(new byte[] {'B', 'Z', 'h', '9'}), "demo-1.0.tar.gz"));
  }

  @Test
  void aShortFileOrAKindWithoutSignatureIsNotProven() throws IOException {
    assertFalse(ArchiveSignature.startsAsNamed(write(new byte[] {'P', 'K'}), "demo-1.0-py3-none-any.whl"));
    assertFalse(ArchiveSignature.startsAsNamed(write(new byte[] {'P', 'K', 3, 4}), "demo-1.0.tar"));
    assertFalse(ArchiveSignature.startsAsNamed(write(new byte[] {'P', 'K', 3, 4}), "demo-1.0-py3.6.egg"));
  }

  private Path write(final byte[] content) throws IOException {
    return Files.write(Files.createTempFile(folder, "file", ".part"), content);
  }
}
