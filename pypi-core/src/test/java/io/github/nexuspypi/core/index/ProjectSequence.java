package io.github.nexuspypi.core.index;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.LongSupplier;

/**
 * Projects {@code p0, p1, ...} handed out one at a time, noting how much output existed when the middle one was
 * asked for: a writer that streams has written about half its page by then, one that buffers has written nothing.
 */
final class ProjectSequence
    implements Iterator<ProjectListEntry>
{
  private final int count;

  private final LongSupplier written;

  private long writtenHalfwayThrough = -1;

  private int next;

  ProjectSequence(final int count, final LongSupplier written) {
    this.count = count;
    this.written = written;
  }

  long writtenHalfwayThrough() {
    return writtenHalfwayThrough;
  }

  @Override
  public boolean hasNext() {
    return next < count;
  }

  @Override
  public ProjectListEntry next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    if (next == count / 2) {
      writtenHalfwayThrough = written.getAsLong();
    }
    return new ProjectListEntry("p" + next++);
  }
}
