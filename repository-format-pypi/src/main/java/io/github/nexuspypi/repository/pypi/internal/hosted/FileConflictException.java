package io.github.nexuspypi.repository.pypi.internal.hosted;

import io.github.nexuspypi.core.upload.UploadRejectedException;

/** A file whose name is taken by a stored file with other bytes: for an upload a 400, for an import a conflict. */
public class FileConflictException
    extends UploadRejectedException
{
  FileConflictException(final String message) {
    super(BAD_REQUEST, message);
  }
}
