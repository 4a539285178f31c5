package io.github.nexuspypi.it.dists;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * A gzipped POSIX ustar archive of regular files, the format of an sdist. Written by hand because the harness has
 * no archive library; enough of ustar for any path an sdist has (long paths go to the prefix field).
 */
final class TarGz
{
  private static final int BLOCK = 512;

  private static final int NAME_LENGTH = 100;

  private static final int PREFIX_LENGTH = 155;

  /** 2000-01-01, so that the same entries always give the same bytes. */
  private static final long MTIME = 946_684_800L;

  private TarGz() {
  }

  static byte[] of(final Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.write(header(entry.getKey(), entry.getValue().length));
        out.write(entry.getValue());
        out.write(new byte[padding(entry.getValue().length)]);
      }
      // Two empty blocks end the archive.
      out.write(new byte[2 * BLOCK]);
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot write a tar.gz in memory", e);
    }
    return bytes.toByteArray();
  }

  private static byte[] header(final String path, final long size) {
    byte[] header = new byte[BLOCK];
    String[] split = split(path);
    put(header, 0, split[1]);
    put(header, 100, "0000644\0");
    put(header, 108, "0000000\0");
    put(header, 116, "0000000\0");
    put(header, 124, String.format("%011o\0", size));
    put(header, 136, String.format("%011o\0", MTIME));
    put(header, 148, "        ");
    header[156] = '0';
    put(header, 257, "ustar\0");
    put(header, 263, "00");
    put(header, 345, split[0]);
    int checksum = 0;
    for (byte b : header) {
      checksum += b & 0xff;
    }
    put(header, 148, String.format("%06o\0 ", checksum));
    return header;
  }

  /** {prefix, name}: ustar keeps up to 155 bytes of leading folders apart from a name of up to 100. */
  private static String[] split(final String path) {
    if (utf8Length(path) <= NAME_LENGTH) {
      return new String[] {"", path};
    }
    for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
      String prefix = path.substring(0, slash);
      String name = path.substring(slash + 1);
      if (utf8Length(prefix) <= PREFIX_LENGTH && utf8Length(name) <= NAME_LENGTH) {
        return new String[] {prefix, name};
      }
    }
    throw new IllegalArgumentException("Path too long for a ustar archive: " + path);
  }

  private static void put(final byte[] header, final int offset, final String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }

  private static int utf8Length(final String value) {
    return value.getBytes(StandardCharsets.UTF_8).length;
  }

  private static int padding(final long size) {
    return (int) ((BLOCK - size % BLOCK) % BLOCK);
  }
}
