package io.github.nexuspypi.core.metadata;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Counts the records of a zip's central directory without keeping them. Opening a {@code ZipFile} builds an object
 * for every record it finds, reading on for as long as records follow whatever count the archive declares, so the
 * count is taken here first, from where {@code ZipFile} starts reading (APPNOTE.TXT sections 4.3.14 to 4.3.16).
 */
final class ZipEntryCount
{
  private static final int END_SIGNATURE = 0x06054b50;

  private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;

  private static final int ZIP64_END_SIGNATURE = 0x06064b50;

  private static final int RECORD_SIGNATURE = 0x02014b50;

  private static final int END_LENGTH = 22;

  private static final int MAX_COMMENT = 0xffff;

  private static final int ZIP64_LOCATOR_LENGTH = 20;

  private static final int ZIP64_END_LENGTH = 56;

  private static final int RECORD_LENGTH = 46;

  private ZipEntryCount() {
  }

  /**
   * The number of central directory records, counting no further than {@code stopAfter + 1}; 0 when the file has
   * no end record, which {@code ZipFile} then reports.
   */
  static long count(final Path zip, final long stopAfter) throws IOException {
    try (SeekableByteChannel channel = Files.newByteChannel(zip)) {
      long size = channel.size();
      if (size < END_LENGTH) {
        return 0;
      }
      int tailLength = (int) Math.min(size, END_LENGTH + MAX_COMMENT);
      ByteBuffer tail = read(channel, size - tailLength, tailLength);
      int end = tailLength - END_LENGTH;
      while (end >= 0 && tail.getInt(end) != END_SIGNATURE) {
        end--;
      }
      if (end < 0) {
        return 0;
      }
      long endOffset = size - tailLength + end;
      long declared = Short.toUnsignedLong(tail.getShort(end + 10));
      long directoryLength = Integer.toUnsignedLong(tail.getInt(end + 12));
      long directoryOffset = Integer.toUnsignedLong(tail.getInt(end + 16));
      // Data before the first entry (a self-extracting stub) shifts every offset; ZipFile allows for it so.
      long start = directoryOffset + Math.max(endOffset - directoryLength - directoryOffset, 0);
      if (endOffset >= ZIP64_LOCATOR_LENGTH) {
        ByteBuffer locator = read(channel, endOffset - ZIP64_LOCATOR_LENGTH, ZIP64_LOCATOR_LENGTH);
        if (locator.getInt(0) == ZIP64_LOCATOR_SIGNATURE) {
          ByteBuffer end64 = read(channel, locator.getLong(8), ZIP64_END_LENGTH);
          if (end64.getInt(0) != ZIP64_END_SIGNATURE) {
            return 0;
          }
          declared = end64.getLong(32);
          start = end64.getLong(48);
        }
      }
      if (declared < 0 || declared > stopAfter || start < 0 || start >= size) {
        return declared < 0 ? Long.MAX_VALUE : declared;
      }
      return Math.max(declared, walk(channel.position(start), stopAfter));
    }
  }

  private static long walk(final SeekableByteChannel channel, final long stopAfter) throws IOException {
    InputStream in = new BufferedInputStream(Channels.newInputStream(channel));
    long records = 0;
    byte[] header = new byte[RECORD_LENGTH];
    while (records <= stopAfter && in.readNBytes(header, 0, RECORD_LENGTH) == RECORD_LENGTH) {
      ByteBuffer record = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
      if (record.getInt(0) != RECORD_SIGNATURE) {
        break;
      }
      records++;
      long variable = (long) Short.toUnsignedInt(record.getShort(28)) + Short.toUnsignedInt(record.getShort(30))
          + Short.toUnsignedInt(record.getShort(32));
      try {
        in.skipNBytes(variable);
      }
      catch (EOFException e) {
        break;
      }
    }
    return records;
  }

  private static ByteBuffer read(final SeekableByteChannel channel, final long offset, final int length)
      throws IOException
  {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    if (offset >= 0 && offset <= channel.size() - length) {
      channel.position(offset);
      while (buffer.hasRemaining() && channel.read(buffer) > 0) {
        // Fill the buffer; a short file leaves zeros, which match no signature.
      }
    }
    return buffer;
  }
}
