package io.github.nexuspypi.core.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Iterator;

/**
 * A root page written one project at a time, as entries arrive: from a database page by page, or from an upstream
 * root that a parser hands over while it reads (pypi.org's lists 600 000 names). {@link #close()} ends the page
 * and flushes; the output itself stays open.
 */
public interface ProjectListWriter
    extends Closeable
{
  void add(ProjectListEntry project) throws IOException;

  /** PEP 503 HTML, links relative to the root page. */
  static ProjectListWriter html(final Writer out) throws IOException {
    return SimpleHtmlWriter.projectList(out);
  }

  /** PEP 691 JSON. */
  static ProjectListWriter json(final OutputStream out) throws IOException {
    return SimpleJsonWriter.projectList(out);
  }

  default void addAll(final Iterator<ProjectListEntry> projects) throws IOException {
    while (projects.hasNext()) {
      add(projects.next());
    }
  }
}
