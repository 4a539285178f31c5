package io.github.nexuspypi.it.dists;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip archive with other bytes before its first entry, its offsets counted from the file's start, as a
 * self-extracting archive is made: zip readers that go by the central directory open it, while whatever reads the
 * file's first bytes sees the prefix (a web page, say).
 */
public final class PrefixedZip
{
  private static final int END_OF_DIRECTORY = 0x06054b50;

  private static final int DIRECTORY_ENTRY = 0x02014b50;

  private PrefixedZip() {
  }

  /** @param entries archive path to content, in the order given */
  public static byte[] of(final byte[] prefix, final Map<String, byte[]> entries) {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ByteBuffer file = ByteBuffer.allocate(prefix.length + zipped.size()).order(ByteOrder.LITTLE_ENDIAN);
    file.put(prefix).put(zipped.toByteArray());
    // Written without a comment, so the end record is the last 22 bytes.
    int end = file.capacity() - 22;
    if (file.getInt(end) != END_OF_DIRECTORY) {
      throw new IllegalStateException("no end of central directory record where expected");
    }
    int directory = file.getInt(end + 16) + prefix.length;
    file.putInt(end + 16, directory);
    for (int at = directory; file.getInt(at) == DIRECTORY_ENTRY; ) {
      file.putInt(at + 42, file.getInt(at + 42) + prefix.length);
      at += 46 + Short.toUnsignedInt(file.getShort(at + 28)) + Short.toUnsignedInt(file.getShort(at + 30))
          + Short.toUnsignedInt(file.getShort(at + 32));
    }
    return file.array();
  }
}
