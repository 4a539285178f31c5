package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file being downloaded that any number of readers follow while it grows, so that clients get a large file's
 * first bytes while the proxy is still fetching it, and concurrent clients share one fetch.
 *
 * Readers are kept {@code holdBack} bytes behind the writer until the whole file has arrived and been accepted:
 * were it then found corrupt, every reader fails before its last bytes, so that no client takes a short or wrong
 * file for a whole one. The file is deleted once it is finished or failed and its last reader has closed.
 */
final class GrowingFile
{
  private final Path file;

  private final long holdBack;

  private final FileChannel writer;

  private long written;

  private boolean finished;

  private IOException failure;

  private int readers;

  private boolean writerClosed;

  GrowingFile(final Path file, final long holdBack) throws IOException {
    this.file = file;
    this.holdBack = holdBack;
    this.writer = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
  }

  Path file() {
    return file;
  }

  void write(final byte[] bytes, final int offset, final int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
    while (buffer.hasRemaining()) {
      writer.write(buffer);
    }
    synchronized (this) {
      written += length;
      notifyAll();
    }
  }

  /** Every byte has arrived: the writer is done with the file, which is now complete for whoever reads it. */
  void closeWriter() throws IOException {
    writer.close();
    synchronized (this) {
      writerClosed = true;
    }
  }

  /** The file was accepted: readers may read to its end. */
  synchronized void finish() {
    finished = true;
    notifyAll();
    deleteIfUnused();
  }

  /** The download failed or the file was refused: every reader fails with this. */
  synchronized void fail(final IOException cause) {
    if (!finished) {
      failure = cause;
      notifyAll();
    }
    closeQuietly();
    deleteIfUnused();
  }

  synchronized boolean isFinished() {
    return finished;
  }

  /** Waits until a reader would get bytes, or the file is complete; fails as the download did. */
  void awaitReadable() throws IOException {
    readableUpTo(0);
  }

  InputStream open() throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    synchronized (this) {
      readers++;
    }
    return new Follower(channel);
  }

  /** How far a reader may read: everything once accepted, else all but the held-back tail. */
  private synchronized long readableUpTo(final long position) throws IOException {
    while (true) {
      if (failure != null) {
        throw new IOException(failure.getMessage(), failure);
      }
      long readable = finished ? written : written - holdBack;
      if (readable > position || finished) {
        return readable;
      }
      try {
        wait();
      }
      catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("Interrupted while waiting for the download of " + file.getFileName());
      }
    }
  }

  private synchronized void readerClosed() {
    readers--;
    deleteIfUnused();
  }

  private void deleteIfUnused() {
    if (readers == 0 && (finished || failure != null) && writerClosed) {
      try {
        Files.deleteIfExists(file);
      }
      catch (IOException e) {
        // A temporary file in Nexus's tmp folder: the next start clears it.
      }
    }
  }

  private void closeQuietly() {
    try {
      writer.close();
      writerClosed = true;
    }
    catch (IOException e) {
      writerClosed = true;
    }
  }

  private final class Follower
      extends InputStream
  {
    private final FileChannel channel;

    private long position;

    private boolean closed;

    private Follower(final FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(final byte[] bytes, final int offset, final int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      long readable = readableUpTo(position);
      if (position >= readable) {
        return -1;
      }
      ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, (int) Math.min(length, readable - position));
      int n = channel.read(buffer, position);
      position += n;
      return n;
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        channel.close();
        readerClosed();
      }
    }
  }
}
