package io.github.nexuspypi.it.nexus;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds the bodies an {@link S3Server} receives and sends part-way, so that a test can take S3 away in the middle of a
 * transfer without racing it: once {@link #arm armed}, every body stops after its first bytes and waits, until
 * {@link #breakAll} makes every held or later read fail as a connection to a vanished service does. Small bodies
 * (Nexus's blob properties) never reach the limit and pass.
 */
final class TransferHold
{
  private static final Duration HELD_TIMEOUT = Duration.ofMinutes(2);

  private volatile State state = State.disarmed();

  /** From now on, every body waits after its first {@code bytes}. */
  void arm(final long bytes) {
    state = State.armed(bytes);
  }

  /** Blocks until a body waits at the limit; fails if none does in two minutes. */
  void awaitHeld() {
    try {
      if (!state.held.await(HELD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("No S3 transfer reached the hold in " + HELD_TIMEOUT.toSeconds() + " s");
      }
    }
    catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a held S3 transfer", e);
    }
  }

  /** Held bodies and any read after this fail, until {@link #reset}. */
  void breakAll() {
    state.broken.countDown();
  }

  /** Transfers pass untouched again; any still held breaks off, so that no request waits forever. */
  void reset() {
    state.broken.countDown();
    state = State.disarmed();
  }

  InputStream wrap(final InputStream body) {
    return new HeldStream(body, state);
  }

  private record State(long limit, CountDownLatch held, CountDownLatch broken)
  {
    static State disarmed() {
      return new State(Long.MAX_VALUE, new CountDownLatch(1), new CountDownLatch(1));
    }

    static State armed(final long limit) {
      return new State(limit, new CountDownLatch(1), new CountDownLatch(1));
    }

    boolean isBroken() {
      return broken.getCount() == 0;
    }
  }

  private static final class HeldStream
      extends FilterInputStream
  {
    private final State state;

    private long passed;

    HeldStream(final InputStream in, final State state) {
      super(in);
      this.state = state;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(final byte[] buffer, final int offset, final int length) throws IOException {
      if (state.isBroken()) {
        throw new IOException("S3 went away in the middle of this transfer");
      }
      long allowed = state.limit() - passed;
      if (allowed <= 0) {
        holdUntilBroken();
      }
      int read = super.read(buffer, offset, (int) Math.min(length, allowed));
      if (read > 0) {
        passed += read;
      }
      return read;
    }

    @Override
    public long skip(final long n) throws IOException {
      // Every byte goes through read, so that none passes the hold.
      byte[] buffer = new byte[(int) Math.min(n, 8192)];
      int read = read(buffer, 0, buffer.length);
      return Math.max(read, 0);
    }

    private void holdUntilBroken() throws IOException {
      state.held().countDown();
      try {
        state.broken().await();
      }
      catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("Interrupted while held");
      }
      throw new IOException("S3 went away in the middle of this transfer");
    }
  }
}
