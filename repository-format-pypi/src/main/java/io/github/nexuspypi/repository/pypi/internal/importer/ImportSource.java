package io.github.nexuspypi.repository.pypi.internal.importer;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Where an import takes its files from: a folder on the Nexus machine or an index. */
interface ImportSource
{
  /** Every distribution file of the projects the filter admits; nothing of the files themselves is read. */
  List<SourceFile> list(ProjectFilter filter) throws IOException;

  /** The file's bytes, streamed. */
  InputStream open(SourceFile file) throws IOException;
}
