package io.github.nexuspypi.repository.pypi.internal.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

import org.eclipse.jetty.server.HttpOutput;

/**
 * A range of a file read from its kept mapping ({@link MappedFiles}), held for one download until closed. Jetty is
 * handed the mapped bytes themselves; any other reader reads them as a stream. Closing ends the lease, telling the
 * mapping whether Jetty may still hold its bytes (a send that failed).
 */
final class MappedRange
    extends InputStream
{
  private final MappedFiles.Lease lease;

  private final ByteBuffer bytes;

  private boolean handedToJetty;

  private boolean sent;

  private boolean closed;

  MappedRange(final MappedFiles.Lease lease, final long offset, final long length) {
    this.lease = lease;
    this.bytes = lease.bytes(offset, length);
  }

  void sendTo(final HttpOutput output, final SendGate gate) throws IOException {
    handedToJetty = true;
    gate.send(output, bytes);
    sent = true;
  }

  @Override
  public int read() {
    return bytes.hasRemaining() ? bytes.get() & 0xff : -1;
  }

  @Override
  public int read(final byte[] into, final int offset, final int length) {
    if (length == 0) {
      return 0;
    }
    if (!bytes.hasRemaining()) {
      return -1;
    }
    int count = Math.min(length, bytes.remaining());
    bytes.get(into, offset, count);
    return count;
  }

  @Override
  public long skip(final long count) {
    int skipped = (int) Math.max(0, Math.min(count, bytes.remaining()));
    bytes.position(bytes.position() + skipped);
    return skipped;
  }

  @Override
  public int available() {
    return bytes.remaining();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      lease.release(!handedToJetty || sent);
    }
  }
}
