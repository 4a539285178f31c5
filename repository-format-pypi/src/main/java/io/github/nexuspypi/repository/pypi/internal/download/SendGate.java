package io.github.nexuspypi.repository.pypi.internal.download;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;

import javax.inject.Named;
import javax.inject.Singleton;

import org.eclipse.jetty.server.HttpOutput;
import org.eclipse.jetty.util.Callback;

/**
 * Lets at most one download per core write to its socket at once, in the order they came, while no download waits
 * for another's client.
 *
 * <p>Each download has a Jetty thread of its own. Sending a file is almost all CPU work (the kernel copying the
 * mapping into the socket), so with 8 downloads on 2 cores, 8 threads shared the cores and every download stretched
 * whenever the machine had less to give: the file p99 at 8 connections was about twice pypiserver under gunicorn's
 * (2 workers, the other connections waiting their turn), 20 to 30 ms against 9 to 12 in adjacent windows. Taking
 * turns per core brought it to 8 to 12 ms at the same rate.
 *
 * <p>Only the start of a send takes a turn: Jetty's asynchronous write copies what the socket takes at once and
 * returns, so the turn ends as soon as the socket is full, and the rest is written as the client reads, off the
 * turn (on Jetty's selector, as its blocking writes are). A slow or stalled client thus never holds others up.
 *
 * <p>Sends of kept mappings ({@link MappedRange}: files up to {@link MappedFiles#LARGEST_FILE}, cached root pages)
 * take turns. Larger files, which Jetty reads through its buffers in a blocking loop, do not: a turn would span the
 * whole download.
 */
@Named
@Singleton
public class SendGate
{
  private final Semaphore turns;

  public SendGate() {
    this(Runtime.getRuntime().availableProcessors());
  }

  SendGate(final int cores) {
    this.turns = new Semaphore(Math.max(1, cores), true);
  }

  /** Sends {@code bytes} as the whole response and returns once all are written; throws what the write failed on. */
  public void send(final HttpOutput output, final ByteBuffer bytes) throws IOException {
    send(callback -> output.sendContent(bytes, callback));
  }

  /** An asynchronous write: it completes the callback once written, or fails it. */
  interface Write
  {
    void start(Callback callback);
  }

  /** Starts a write in turn, then waits, out of turn, for the callback it was given to be completed. */
  void send(final Write write) throws IOException {
    // Non-blocking, as Jetty's own blocking writes are: waking this thread is all completing it does, so Jetty's
    // selector completes it in place rather than handing it to a pool thread.
    Callback.Completable sent = new Callback.Completable();
    turns.acquireUninterruptibly();
    try {
      write.start(sent);
    }
    finally {
      turns.release();
    }
    try {
      sent.get();
    }
    catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while the file was being sent");
    }
    catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof IOException ? (IOException) cause : new IOException(cause);
    }
  }
}
