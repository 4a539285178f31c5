package io.github.nexuspypi.repository.pypi.internal.hosted;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.github.nexuspypi.core.hash.FileDigests;
import io.github.nexuspypi.core.upload.UploadRejectedException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.nexus.repository.view.PartPayload;

import static io.github.nexuspypi.repository.pypi.internal.hosted.FakePart.field;
import static io.github.nexuspypi.repository.pypi.internal.hosted.FakePart.file;
import static io.github.nexuspypi.repository.pypi.internal.hosted.MultipartUploadReader.MAX_FIELD_BYTES;
import static io.github.nexuspypi.repository.pypi.internal.hosted.MultipartUploadReader.MAX_FORM_BYTES;
import static io.github.nexuspypi.repository.pypi.internal.hosted.MultipartUploadReader.MAX_PARTS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultipartUploadReaderTest
{
  private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

  @TempDir
  Path temporary;

  private MultipartUploadReader reader() {
    return new MultipartUploadReader(temporary);
  }

  @Test
  void readsTheFieldsAndSpoolsTheFileWithItsDigests() throws Exception {
    List<PartPayload> parts = List.of(
        field(":action", "file_upload"),
        field("name", "demo"),
        field("classifiers", "Programming Language :: Python :: 3"),
        field("classifiers", "License :: OSI Approved :: MIT License"),
        file("content", "demo-1.0.tar.gz", ABC),
        field("sha256_digest", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));

    try (ReceivedUpload upload = reader().read(parts)) {
      assertEquals("file_upload", upload.form().first(":action").orElseThrow());
      assertEquals(List.of("Programming Language :: Python :: 3", "License :: OSI Approved :: MIT License"),
          upload.form().all("classifiers"));
      assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
          upload.form().first("sha256_digest").orElseThrow());
      assertEquals("demo-1.0.tar.gz", upload.filename());
      assertTrue(upload.hasFile());
      assertEquals(temporary, upload.file().getParent());
      assertArrayEquals(ABC, Files.readAllBytes(upload.file()));
      assertEquals(3, upload.size());
      // RFC 1321, FIPS 180-2 (SHA-256, SHA-1) and BLAKE2b-256 test vectors for "abc".
      assertEquals(new FileDigests("900150983cd24fb0d6963f7d28e17f72",
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
              "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319",
              "a9993e364706816aba3e25717850c26c9cd0d89d"),
          upload.digests());
    }
    SpoolDirectory.assertEmpty(temporary);
  }

  @Test
  void anUploadWithoutFileHasNone() throws Exception {
    try (ReceivedUpload upload = reader().read(List.of(field(":action", "file_upload")))) {
      assertFalse(upload.hasFile());
      assertNull(upload.filename());
      assertNull(upload.digests());
    }
    SpoolDirectory.assertEmpty(temporary);
  }

  @Test
  void aSecondFileAndASignatureAreReadToTheEndAndIgnored() throws Exception {
    FakePart signature = file("gpg_signature", "demo-1.0.tar.gz.asc", "-----BEGIN PGP SIGNATURE-----".getBytes(
        StandardCharsets.US_ASCII));
    FakePart second = file("content", "other-2.0.tar.gz", "other bytes".getBytes(StandardCharsets.US_ASCII));

    try (ReceivedUpload upload = reader().read(List.of(file("content", "demo-1.0.tar.gz", ABC), signature, second))) {
      assertTrue(signature.drained());
      assertTrue(second.drained());
      assertEquals("demo-1.0.tar.gz", upload.filename());
      assertArrayEquals(ABC, Files.readAllBytes(upload.file()));
      assertTrue(upload.form().all("gpg_signature").isEmpty());
      assertTrue(upload.form().all("content").isEmpty());
    }
    SpoolDirectory.assertEmpty(temporary);
  }

  @Test
  void aFieldMayBeAsLargeAsTheLimit() throws Exception {
    try (ReceivedUpload upload = reader().read(List.of(field("description", "d".repeat(MAX_FIELD_BYTES))))) {
      assertEquals(MAX_FIELD_BYTES, upload.form().first("description").orElseThrow().length());
    }
  }

  @Test
  void aLargerFieldIsRefusedByName() throws Exception {
    List<PartPayload> parts = List.of(field("description", "d".repeat(MAX_FIELD_BYTES + 1)));

    UploadRejectedException refused = assertThrows(UploadRejectedException.class, () -> reader().read(parts));

    assertEquals(400, refused.status());
    assertEquals("The form field 'description' is larger than 4 MiB.", refused.getMessage());
  }

  @Test
  void theFieldLimitCountsBytesNotCharacters() throws Exception {
    // Three bytes each in UTF-8: under the limit in characters, over it in bytes.
    String snowmen = "\u2603".repeat(MAX_FIELD_BYTES / 3 + 1);

    UploadRejectedException refused = assertThrows(UploadRejectedException.class,
        () -> reader().read(List.of(field("description", snowmen))));

    assertTrue(refused.getMessage().contains("'description'"), refused.getMessage());
  }

  @Test
  void theWholeFormMayBeAsLargeAsTheLimit() throws Exception {
    try (ReceivedUpload upload = reader().read(fieldsOfTotalSize(MAX_FORM_BYTES))) {
      assertEquals(MAX_FORM_BYTES / MAX_FIELD_BYTES, upload.form().all("description").size());
    }
  }

  @Test
  void aLargerFormIsRefused() throws Exception {
    List<PartPayload> parts = fieldsOfTotalSize(MAX_FORM_BYTES);
    parts.add(field("summary", "s"));

    UploadRejectedException refused = assertThrows(UploadRejectedException.class, () -> reader().read(parts));

    assertEquals(400, refused.status());
    assertEquals("The upload form is larger than 16 MiB without its file.", refused.getMessage());
  }

  @Test
  void theFormLimitCountsBytesNotCharacters() throws Exception {
    // Two bytes each in UTF-8: five fields at the field limit are 20 MiB, though only 10 Mi characters.
    List<PartPayload> parts = new ArrayList<>();
    String value = "\u00e9".repeat(MAX_FIELD_BYTES / 2);
    for (int i = 0; i < 5; i++) {
      parts.add(field("description", value));
    }

    UploadRejectedException refused = assertThrows(UploadRejectedException.class, () -> reader().read(parts));

    assertEquals("The upload form is larger than 16 MiB without its file.", refused.getMessage());
  }

  @Test
  void manyEmptyFieldsAreRefusedToo() throws Exception {
    // Empty values weigh nothing in bytes, yet each one is kept: only their number bounds the memory they take.
    List<PartPayload> parts = new ArrayList<>();
    for (int i = 0; i <= MAX_PARTS; i++) {
      parts.add(field("classifiers", ""));
    }

    UploadRejectedException refused = assertThrows(UploadRejectedException.class, () -> reader().read(parts));

    assertEquals(400, refused.status());
    assertEquals("The upload has more than " + MAX_PARTS + " parts.", refused.getMessage());
  }

  @Test
  void anUploadMayHaveAsManyPartsAsTheLimit() throws Exception {
    List<PartPayload> parts = new ArrayList<>();
    parts.add(file("content", "demo-1.0.tar.gz", ABC));
    while (parts.size() < MAX_PARTS) {
      parts.add(field("classifiers", "Programming Language :: Python :: 3"));
    }

    try (ReceivedUpload upload = reader().read(parts)) {
      assertEquals(MAX_PARTS - 1, upload.form().all("classifiers").size());
    }
  }

  private static List<PartPayload> fieldsOfTotalSize(final int size) {
    List<PartPayload> parts = new ArrayList<>();
    String value = "d".repeat(MAX_FIELD_BYTES);
    for (int total = 0; total < size; total += MAX_FIELD_BYTES) {
      parts.add(field("description", value));
    }
    return parts;
  }

  @Test
  void theFileIsDeletedWhenALaterFieldIsRefused() throws Exception {
    List<PartPayload> parts = List.of(file("content", "demo-1.0.tar.gz", ABC),
        field("description", "d".repeat(MAX_FIELD_BYTES + 1)));

    assertThrows(UploadRejectedException.class, () -> reader().read(parts));

    SpoolDirectory.assertEmpty(temporary);
  }

  @Test
  void theFileIsDeletedWhenItsStreamBreaks() throws Exception {
    List<PartPayload> parts = List.of(file("content", "demo-1.0.tar.gz", new byte[100_000]).failingAfter(50_000));

    IOException broken = assertThrows(IOException.class, () -> reader().read(parts));

    assertEquals("Connection reset by peer", broken.getMessage());
    SpoolDirectory.assertEmpty(temporary);
  }

  @Test
  void theFileIsDeletedWhenALaterPartBreaks() throws Exception {
    List<PartPayload> parts = List.of(file("content", "demo-1.0.tar.gz", ABC),
        file("gpg_signature", "demo-1.0.tar.gz.asc", new byte[100]).failingAfter(10));

    assertThrows(IOException.class, () -> reader().read(parts));

    SpoolDirectory.assertEmpty(temporary);
  }

  @Test
  void aBodyThatIsNotMultipartIsTheClientsFaultAndTheFileIsDeleted() throws Exception {
    // Nexus reads the body part by part; a body cut short fails the next hasNext() with an unchecked exception.
    Iterable<PartPayload> parts = () -> new Iterator<>()
    {
      private boolean served;

      @Override
      public boolean hasNext() {
        if (served) {
          throw new RuntimeException(new IOException("Stream ended unexpectedly"));
        }
        return true;
      }

      @Override
      public PartPayload next() {
        served = true;
        return file("content", "demo-1.0.tar.gz", ABC);
      }
    };

    UploadRejectedException e = assertThrows(UploadRejectedException.class, () -> reader().read(parts));

    assertEquals(400, e.status());
    assertEquals("The multipart body could not be read: Stream ended unexpectedly", e.getMessage());
    SpoolDirectory.assertEmpty(temporary);
  }

  @Test
  void aFirstPartWhoseHeadersCannotBeReadIsTheClientsFault() {
    // commons-fileupload reads the first part's headers when the iterator is made, and refuses more than 10 KiB.
    Iterable<PartPayload> parts = () -> {
      throw new RuntimeException(new IOException("Header section has more than 10240 bytes (maybe it is not properly "
          + "terminated)"));
    };

    UploadRejectedException e = assertThrows(UploadRejectedException.class, () -> reader().read(parts));

    assertEquals(400, e.status());
    assertEquals("The multipart body could not be read: Header section has more than 10240 bytes (maybe it is not "
        + "properly terminated)", e.getMessage());
  }

  @Test
  void aPartThatCannotBeReadIsTheClientsFaultAndTheFileIsDeleted() throws Exception {
    Iterable<PartPayload> parts = () -> new Iterator<>()
    {
      private boolean served;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public PartPayload next() {
        if (served) {
          throw new RuntimeException(new IOException("Stream ended unexpectedly"));
        }
        served = true;
        return file("content", "demo-1.0.tar.gz", ABC);
      }
    };

    UploadRejectedException e = assertThrows(UploadRejectedException.class, () -> reader().read(parts));

    assertEquals(400, e.status());
    SpoolDirectory.assertEmpty(temporary);
  }
}
