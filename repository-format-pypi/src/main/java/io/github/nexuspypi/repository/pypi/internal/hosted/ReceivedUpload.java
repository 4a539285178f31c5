package io.github.nexuspypi.repository.pypi.internal.hosted;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.annotation.Nullable;

import io.github.nexuspypi.core.hash.FileDigests;
import io.github.nexuspypi.core.upload.UploadForm;

/**
 * An upload as it arrived: the form's fields and the file, spooled to a temporary file that is deleted on close
 * whatever becomes of the upload.
 */
public final class ReceivedUpload
    implements AutoCloseable
{
  private final UploadForm form;

  @Nullable
  private final String filename;

  @Nullable
  private final Path file;

  @Nullable
  private final FileDigests digests;

  private final long size;

  public ReceivedUpload(final UploadForm form, @Nullable final String filename, @Nullable final Path file,
                 @Nullable final FileDigests digests, final long size)
  {
    this.form = form;
    this.filename = filename;
    this.file = file;
    this.digests = digests;
    this.size = size;
  }

  UploadForm form() {
    return form;
  }

  boolean hasFile() {
    return file != null;
  }

  @Nullable
  String filename() {
    return filename;
  }

  @Nullable
  Path file() {
    return file;
  }

  @Nullable
  FileDigests digests() {
    return digests;
  }

  long size() {
    return size;
  }

  @Override
  public void close() throws IOException {
    if (file != null) {
      Files.deleteIfExists(file);
    }
  }
}
