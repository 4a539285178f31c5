package io.github.nexuspypi.repository.pypi.internal.recipe;

import java.util.concurrent.locks.Lock;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectStoreLocksTest
{
  private final ProjectStoreLocks locks = new ProjectStoreLocks();

  private boolean freeForAnotherThread(final String project) {
    return LockProbe.freeForAnotherThread(locks, project);
  }

  @Test
  void aStoreOfAProjectWaitsForTheOneUnderWay() {
    Lock first = locks.of("foo-bar");
    first.lock();
    try {
      assertFalse(freeForAnotherThread("foo-bar"));
    }
    finally {
      first.unlock();
    }
    assertTrue(freeForAnotherThread("foo-bar"));
  }
}
