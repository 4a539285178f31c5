package io.github.nexuspypi.core.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;

/**
 * A project page written one file and version at a time, as a parser hands them over: a page of any size is written
 * without being held. {@link #close()} ends the page and flushes; the output itself stays open.
 */
public interface ProjectPageWriter
    extends ProjectPageSink, Closeable
{
  /** PEP 503 HTML; versions are not part of it. */
  static ProjectPageWriter html(final Writer out, final String name) throws IOException {
    return SimpleHtmlWriter.projectPage(out, name);
  }

  /**
   * PEP 691 JSON, laid out as {@link SimpleJsonWriter#writeProject} lays it out whatever order the parts come in;
   * files and versions wait in memory until the page ends, so this is for pages small enough to hold.
   */
  static ProjectPageWriter json(final OutputStream out, final String name) throws IOException {
    return new JsonProjectWriter(out, name, Spool.inMemory(), Spool.inMemory());
  }

  /** As {@link #json(OutputStream, String)}, the parts waiting in temporary files in {@code spoolDirectory}. */
  static ProjectPageWriter json(final OutputStream out, final String name, final Path spoolDirectory)
      throws IOException
  {
    Spool files = Spool.inFile(spoolDirectory);
    try {
      return new JsonProjectWriter(out, name, files, Spool.inFile(spoolDirectory));
    }
    catch (IOException | RuntimeException e) {
      files.close();
      throw e;
    }
  }
}
