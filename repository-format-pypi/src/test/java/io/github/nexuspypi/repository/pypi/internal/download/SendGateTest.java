package io.github.nexuspypi.repository.pypi.internal.download;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SendGateTest
{
  private final SendGate gate = new SendGate(1);

  private Thread other;

  @AfterEach
  void stopOther() throws InterruptedException {
    if (other != null) {
      other.interrupt();
      other.join();
    }
  }

  /** Runs {@code send} on another thread; the future holds what it threw, or null. */
  private CompletableFuture<Throwable> onAnotherThread(final SendGate.Write send) {
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    other = new Thread(() -> {
      try {
        gate.send(send);
        outcome.complete(null);
      }
      catch (Throwable e) {
        outcome.complete(e);
      }
    });
    other.start();
    return outcome;
  }

  private void awaitParked(final Thread thread) {
    while (thread.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
  }

  @Test
  void aSendThatWritesAtOnceReturnsOnceWritten() throws IOException {
    AtomicBoolean written = new AtomicBoolean();

    gate.send(callback -> {
      written.set(true);
      callback.succeeded();
    });

    assertTrue(written.get());
  }

  /** With one turn, a second send does not start writing while the first is writing. */
  @Test
  void sendsWriteInTurn() throws Exception {
    CountDownLatch firstWriting = new CountDownLatch(1);
    CountDownLatch letFirstFinish = new CountDownLatch(1);
    AtomicBoolean secondStarted = new AtomicBoolean();
    Thread first = new Thread(() -> {
      try {
        gate.send(callback -> {
          firstWriting.countDown();
          try {
            letFirstFinish.await();
          }
          catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          callback.succeeded();
        });
      }
      catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    first.start();
    firstWriting.await();

    CompletableFuture<Throwable> second = onAnotherThread(callback -> {
      secondStarted.set(true);
      callback.succeeded();
    });
    try {
      awaitParked(other);

      assertFalse(secondStarted.get());
    }
    finally {
      letFirstFinish.countDown();
    }
    assertSame(null, second.get());
    assertTrue(secondStarted.get());
    first.join();
  }

  /** A send whose client has not read everything yet waits without its turn: the next send goes on. */
  @Test
  void aSendWaitingForItsClientLetsTheNextOneWrite() throws Exception {
    AtomicReference<Callback> pending = new AtomicReference<>();
    CompletableFuture<Throwable> slow = onAnotherThread(pending::set);
    Thread slowThread = other;
    while (pending.get() == null) {
      Thread.onSpinWait();
    }
    AtomicBoolean written = new AtomicBoolean();

    gate.send(callback -> {
      written.set(true);
      callback.succeeded();
    });

    assertTrue(written.get());
    assertFalse(slow.isDone());
    pending.get().succeeded();
    assertSame(null, slow.get());
    slowThread.join();
  }

  @Test
  void aFailedWriteThrowsWhatItFailedOn() {
    IOException reset = new IOException("connection reset");

    assertSame(reset, assertThrows(IOException.class, () -> gate.send(callback -> callback.failed(reset))));
    IllegalStateException closed = new IllegalStateException("closed");
    assertSame(closed, assertThrows(IOException.class, () -> gate.send(callback -> callback.failed(closed)))
        .getCause());
    // The failed sends gave their turn back.
    assertThrows(IllegalStateException.class, () -> gate.send(callback -> {
      throw new IllegalStateException("refused at once");
    }));
    AtomicBoolean written = new AtomicBoolean();
    assertDoesNotThrow(() -> gate.send(callback -> {
      written.set(true);
      callback.succeeded();
    }));
    assertTrue(written.get());
  }

  @Test
  void aSendInterruptedWhileWaitingForItsClientSaysSo() throws Exception {
    AtomicReference<Callback> pending = new AtomicReference<>();
    CompletableFuture<Throwable> interrupted = onAnotherThread(pending::set);
    while (pending.get() == null) {
      Thread.onSpinWait();
    }
    awaitParked(other);

    other.interrupt();

    assertEquals(InterruptedIOException.class, interrupted.get().getClass());
  }

  /** Jetty's selector may complete the callback in place: it only wakes the sending thread. */
  @Test
  void theCallbackDoesNotBlock() throws IOException {
    AtomicReference<Invocable.InvocationType> type = new AtomicReference<>();

    gate.send(callback -> {
      type.set(callback.getInvocationType());
      callback.succeeded();
    });

    assertEquals(Invocable.InvocationType.NON_BLOCKING, type.get());
  }
}
