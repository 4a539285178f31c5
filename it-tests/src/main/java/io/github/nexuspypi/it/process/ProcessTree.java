package io.github.nexuspypi.it.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Ends a process and everything it started: first politely (SIGTERM), then by force. */
public final class ProcessTree
{
  private ProcessTree() {
  }

  public static void terminate(final ProcessHandle root, final Duration grace) {
    // Children first, collected before the root goes, while they are still reachable as its descendants.
    List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
    all.add(root);
    all.forEach(ProcessHandle::destroy);
    if (!awaitExit(all, grace)) {
      all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
      awaitExit(all, grace);
    }
  }

  /** Ends the process and its children at once (SIGKILL), as a crash or {@code kill -9} would: nothing runs after. */
  public static void kill(final ProcessHandle root, final Duration timeout) {
    List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
    all.add(root);
    all.forEach(ProcessHandle::destroyForcibly);
    if (!awaitExit(all, timeout)) {
      throw new IllegalStateException("Processes " + all + " outlived SIGKILL for " + timeout);
    }
  }

  /** Whether all the processes ended within the time given. */
  public static boolean awaitExit(final List<ProcessHandle> processes, final Duration timeout) {
    CompletableFuture<?>[] exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    }
    catch (TimeoutException e) {
      return false;
    }
    catch (ExecutionException e) {
      throw new IllegalStateException("Cannot watch processes " + processes, e);
    }
    catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
