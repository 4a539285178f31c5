package io.github.nexuspypi.core.metadata;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.FileSystemException;

/**
 * A distribution file whose contents cannot be what its name says: not an archive, a damaged one, one without its
 * metadata, or one built to exhaust the server. The message starts as Warehouse's does.
 */
public class InvalidDistributionException extends Exception
{
  public InvalidDistributionException(final String detail) {
    super("Invalid distribution file: " + detail);
  }

  public InvalidDistributionException(final String detail, final Throwable cause) {
    super("Invalid distribution file: " + detail, cause);
  }

  /**
   * An archive library's complaint about the bytes, as a rejection of the upload; a failure to open or read the
   * file itself (it vanished, no permission) is the server's problem and stays an {@link IOException}.
   */
  static InvalidDistributionException unreadable(final String what, final IOException cause)
      throws FileSystemException
  {
    if (cause instanceof FileSystemException fileProblem) {
      throw fileProblem;
    }
    String reason = cause instanceof EOFException || cause.getMessage() == null
        ? "it ends too early, was the upload cut short?"
        : cause.getMessage();
    return new InvalidDistributionException(what + " (" + reason + "); rebuild the file and upload it again.", cause);
  }
}
