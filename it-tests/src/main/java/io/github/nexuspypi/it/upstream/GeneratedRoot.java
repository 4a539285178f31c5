package io.github.nexuspypi.it.upstream;

import io.github.nexuspypi.core.index.ProjectListEntry;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.core.index.SimpleHtmlWriter;
import io.github.nexuspypi.core.index.SimpleJsonWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * A {@link FakeIndex} root listing as many generated project names as a test wants, written as it is sent and
 * never held: pypi.org's root lists over 600 000 projects. The names sort as their numbers do, as a root lists them.
 */
final class GeneratedRoot
{
  private final int projects;

  GeneratedRoot(final int projects) {
    if (projects < 0) {
      throw new IllegalArgumentException("A root lists no fewer than 0 projects: " + projects);
    }
    this.projects = projects;
  }

  /** The name of the project at {@code index}, counted from 0 in page order. */
  static String name(final int index) {
    return String.format(Locale.ROOT, "gen%07d", index);
  }

  void write(final SimpleFormat format, final OutputStream out) throws IOException {
    if (format.isJson()) {
      SimpleJsonWriter.writeIndex(entries(), out);
    }
    else {
      SimpleHtmlWriter.writeIndex(entries(), out);
    }
  }

  private Iterator<ProjectListEntry> entries() {
    return new Iterator<>()
    {
      private int next;

      @Override
      public boolean hasNext() {
        return next < projects;
      }

      @Override
      public ProjectListEntry next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return new ProjectListEntry(name(next++));
      }
    };
  }
}
