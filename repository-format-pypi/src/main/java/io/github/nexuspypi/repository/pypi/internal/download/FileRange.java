package io.github.nexuspypi.repository.pypi.internal.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;

/**
 * A span of an open file, readable as a stream (for whoever copies a payload the usual way) and as a channel (for
 * Jetty, which then reads it into its own pooled direct buffers and writes those to the socket, without a copy
 * through the heap). Positional reads leave the channel's own position alone.
 */
final class FileRange
    extends InputStream
    implements ReadableByteChannel
{
  private final FileChannel file;

  private long position;

  private final long end;

  FileRange(final FileChannel file, final long offset, final long length) {
    this.file = file;
    this.position = offset;
    this.end = offset + length;
  }

  /** The open file, which {@link MappedFiles} maps. */
  FileChannel channel() {
    return file;
  }

  @Override
  public int read(final ByteBuffer target) throws IOException {
    long left = end - position;
    if (left <= 0) {
      return -1;
    }
    int limit = target.limit();
    if (target.remaining() > left) {
      target.limit(target.position() + (int) left);
    }
    try {
      int read = file.read(target, position);
      if (read > 0) {
        position += read;
      }
      return read;
    }
    finally {
      target.limit(limit);
    }
  }

  @Override
  public int read(final byte[] bytes, final int offset, final int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    return read(ByteBuffer.wrap(bytes, offset, length));
  }

  @Override
  public int read() throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    while (one.hasRemaining()) {
      if (read(one) < 0) {
        return -1;
      }
    }
    return one.get(0) & 0xff;
  }

  @Override
  public long skip(final long count) {
    long skipped = Math.max(0, Math.min(count, end - position));
    position += skipped;
    return skipped;
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(0, end - position));
  }

  @Override
  public boolean isOpen() {
    return file.isOpen();
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
