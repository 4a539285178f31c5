package io.github.nexuspypi.core.index;

import java.io.IOException;

/**
 * Takes a project page's files and versions one at a time, in page order, as a parser reads them: a page of any
 * size passes through without being held.
 */
public interface ProjectPageSink
{
  void file(DistributionLink file) throws IOException;

  /** A PEP 700 version; HTML pages have none. */
  void version(String version) throws IOException;
}
