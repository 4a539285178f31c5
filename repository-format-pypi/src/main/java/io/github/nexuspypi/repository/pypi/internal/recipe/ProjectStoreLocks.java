package io.github.nexuspypi.repository.pypi.internal.recipe;

import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

import com.google.common.util.concurrent.Striped;

/**
 * One store at a time per project of a repository. A CI matrix uploads the wheels of a new release at once, and
 * each store's transaction creates or updates the release's row: H2 makes the others wait for that row's lock and
 * gives up after its lock timeout, and Hikari then closes the connection, so the rollback fails too and the store
 * is not run again. With 16 such uploads on a loaded 2-core machine, some answered 500 ("Concurrent update in table
 * PYPI_COMPONENT"). Waiting here instead has no timeout and holds no connection. Keyed by project, not release,
 * so that {@code 1.0} and {@code 1.0.0}, one release, share a lock whatever their spelling. A proxy's stores of
 * fetched files create releases too, and take the same lock.
 */
final class ProjectStoreLocks
{
  // Stores of different projects rarely share a stripe, and then only wait for each other.
  private static final int STRIPES = 64;

  private final Striped<Lock> locks = Striped.lazyWeakLock(STRIPES);

  /** The lock of a project, by its normalised name. */
  Lock of(final String normalizedProject) {
    return locks.get(normalizedProject);
  }

  /** Runs a store of the project (its transaction, whole) once no other store of it is under way. */
  <T> T holding(final String normalizedProject, final Supplier<T> store) {
    Lock lock = of(normalizedProject);
    lock.lock();
    try {
      return store.get();
    }
    finally {
      lock.unlock();
    }
  }
}
