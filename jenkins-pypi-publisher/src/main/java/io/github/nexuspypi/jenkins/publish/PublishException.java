package io.github.nexuspypi.jenkins.publish;

/**
 * A publish that failed, with a message for the build log that names the file and what to do.
 */
public class PublishException
    extends Exception
{
  private static final long serialVersionUID = 1L;

  public PublishException(final String message) {
    super(message);
  }

  public PublishException(final String message, final Throwable cause) {
    super(message, cause);
  }
}
