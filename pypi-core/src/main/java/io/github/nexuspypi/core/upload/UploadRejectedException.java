package io.github.nexuspypi.core.upload;

import io.github.nexuspypi.core.filename.FilenameSafety;

/**
 * An upload refused, with the HTTP status and the message to send back: twine, poetry and pdm show the reason
 * phrase and body to the user, so the message says what to change. The factories are the one place that gives a
 * kind of refusal its status.
 */
public class UploadRejectedException extends Exception
{
  public static final int BAD_REQUEST = 400;

  public static final int GONE = 410;

  private final int status;

  protected UploadRejectedException(final int status, final String message) {
    super(FilenameSafety.printable(message));
    this.status = status;
  }

  /** The upload is wrong as sent, or not allowed here: what PyPI answers with 400. */
  public static UploadRejectedException badRequest(final String message) {
    return new UploadRejectedException(BAD_REQUEST, message);
  }

  /** A request of the legacy API that PyPI no longer serves: 410. */
  public static UploadRejectedException gone(final String message) {
    return new UploadRejectedException(GONE, message);
  }

  /** 400 or 410. */
  public int status() {
    return status;
  }
}
