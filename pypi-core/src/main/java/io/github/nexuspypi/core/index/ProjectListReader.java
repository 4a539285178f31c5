package io.github.nexuspypi.core.index;

import java.io.Closeable;
import java.io.IOException;

/**
 * A root page read one project at a time, as the caller asks: several lists can then be merged side by side without
 * any of them being held. {@link #close()} releases the parser; the input itself stays open.
 */
public interface ProjectListReader
    extends Closeable
{
  /** The next project in page order, or {@code null} after the last. */
  ProjectListEntry next() throws IOException;
}
