package io.github.nexuspypi.core.metadata;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Builds the archives the inspection tests need, honest and hostile, in a temporary directory. */
final class TestArchives
{
  /** The symbolic link marker among the entry contents. */
  static final byte[] SYMLINK = new byte[0];

  private TestArchives() {
  }

  static byte[] utf8(final String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] metadata(final String name, final String version) {
    return utf8("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\nSummary: A test\n\nBody\n");
  }

  /** Archive members in the order given: alternately a name and its content (byte[] or String). */
  static Map<String, byte[]> entries(final Object... namesAndContents) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i < namesAndContents.length; i += 2) {
      Object content = namesAndContents[i + 1];
      entries.put((String) namesAndContents[i], content instanceof String text ? utf8(text) : (byte[]) content);
    }
    return entries;
  }

  /** A wheel's three required dist-info files, with the given METADATA. */
  static Map<String, byte[]> distInfo(final String directory, final byte[] metadata) {
    return entries(
        directory + "/METADATA", metadata,
        directory + "/WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        directory + "/RECORD", "");
  }

  static Path zip(final Path file, final Map<String, byte[]> entries) throws IOException {
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putArchiveEntry(new ZipArchiveEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeArchiveEntry();
      }
    }
    return file;
  }

  /** A tar named by its extension (.tar.gz, .tgz, .tar.bz2, .tar) holding the entries in order, POSIX (pax). */
  static Path tar(final Path file, final Map<String, byte[]> entries) throws IOException {
    String name = file.getFileName().toString();
    try (OutputStream raw = Files.newOutputStream(file);
         OutputStream compressed = name.endsWith(".bz2") ? new BZip2CompressorOutputStream(raw)
             : name.endsWith(".tar") ? raw : new GzipCompressorOutputStream(raw);
         TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed))
    {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        TarArchiveEntry member = entry.getValue() == SYMLINK
            ? new TarArchiveEntry(entry.getKey(), TarArchiveEntry.LF_SYMLINK)
            : new TarArchiveEntry(entry.getKey());
        if (entry.getValue() == SYMLINK) {
          member.setLinkName("elsewhere");
        }
        else {
          member.setSize(entry.getValue().length);
        }
        tar.putArchiveEntry(member);
        tar.write(entry.getValue());
        tar.closeArchiveEntry();
      }
    }
    return file;
  }

  /**
   * Makes a zip lie about a member's uncompressed size, in its local header and its central directory record
   * (APPNOTE.TXT 4.3.7 and 4.3.12), as a hand-crafted bomb does.
   */
  static void declareSize(final Path zip, final String member, final long size) throws IOException {
    byte[] bytes = Files.readAllBytes(zip);
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    byte[] name = utf8(member);
    for (int i = 0; i + 46 < bytes.length; i++) {
      if (buffer.getInt(i) == 0x04034b50 && named(bytes, i + 30, buffer.getShort(i + 26), name)) {
        buffer.putInt(i + 22, (int) size);
      }
      if (buffer.getInt(i) == 0x02014b50 && named(bytes, i + 46, buffer.getShort(i + 28), name)) {
        buffer.putInt(i + 24, (int) size);
      }
    }
    Files.write(zip, bytes);
  }

  /** Makes a zip's end record declare another number of entries than its central directory holds. */
  static void declareEntries(final Path zip, final int entries) throws IOException {
    byte[] bytes = Files.readAllBytes(zip);
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = bytes.length - 22; i >= 0; i--) {
      if (buffer.getInt(i) == 0x06054b50) {
        buffer.putShort(i + 8, (short) entries);
        buffer.putShort(i + 10, (short) entries);
        break;
      }
    }
    Files.write(zip, bytes);
  }

  private static boolean named(final byte[] bytes, final int offset, final int length, final byte[] name) {
    return length == name.length && offset + length <= bytes.length
        && ByteBuffer.wrap(bytes, offset, length).equals(ByteBuffer.wrap(name));
  }
}
