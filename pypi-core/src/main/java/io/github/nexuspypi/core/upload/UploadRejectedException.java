package io.github.nexuspypi.core.upload;

import io.github.nexuspypi.core.filename.FilenameSafety;

/**
 * An upload refused, with the HTTP status and the message to send back: twine, poetry and pdm show the reason
 * phrase and body to the user, so the message says what to change.
 */
public class UploadRejectedException extends Exception
{
  public static final int BAD_REQUEST = 400;

  public static final int FORBIDDEN = 403;

  public static final int GONE = 410;

  private final int status;

  public UploadRejectedException(final int status, final String message) {
    super(FilenameSafety.printable(message));
    this.status = status;
  }

  static UploadRejectedException badRequest(final String message) {
    return new UploadRejectedException(BAD_REQUEST, message);
  }

  /** 400, 403 or 410. */
  public int status() {
    return status;
  }
}
