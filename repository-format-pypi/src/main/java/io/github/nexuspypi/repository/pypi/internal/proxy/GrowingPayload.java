package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;

import javax.annotation.Nullable;

import org.sonatype.nexus.repository.view.Payload;

/**
 * A file still being fetched, served as it arrives. Every request that waits for the same fetch shares this
 * payload, so each opening follows the file anew; one that comes after the file was stored and its download
 * cleaned away reads the stored copy.
 */
final class GrowingPayload
    implements Payload
{
  interface StoredCopy
  {
    InputStream open() throws IOException;
  }

  private final GrowingFile file;

  private final long size;

  private final String contentType;

  private final StoredCopy stored;

  GrowingPayload(final GrowingFile file, final long size, @Nullable final String contentType,
                 final StoredCopy stored)
  {
    this.file = file;
    this.size = size;
    this.contentType = contentType;
    this.stored = stored;
  }

  @Override
  public InputStream openInputStream() throws IOException {
    try {
      return file.open();
    }
    catch (NoSuchFileException e) {
      if (file.isFinished()) {
        return stored.open();
      }
      throw e;
    }
  }

  /** Upstream's Content-Length, so that a client can tell a cut-off answer from a whole one. */
  @Override
  public long getSize() {
    return size;
  }

  @Nullable
  @Override
  public String getContentType() {
    return contentType;
  }
}
