package io.github.nexuspypi.repository.pypi.internal.recipe;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Lock;

/** Whether a project's store lock is free, seen from another thread than the one asking. */
final class LockProbe
{
  private LockProbe() {
  }

  static boolean freeForAnotherThread(final ProjectStoreLocks locks, final String project) {
    return CompletableFuture.supplyAsync(() -> {
      Lock lock = locks.of(project);
      boolean taken = lock.tryLock();
      if (taken) {
        lock.unlock();
      }
      return taken;
    }).join();
  }
}
