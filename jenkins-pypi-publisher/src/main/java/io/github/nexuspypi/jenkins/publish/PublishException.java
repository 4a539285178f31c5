package io.github.nexuspypi.jenkins.publish;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A publish that failed, with a message for the build log that names the file and what to do, and the files
 * published before the failure: they are in the repository now, and the build page lists them.
 */
public class PublishException
    extends Exception
{
  private static final long serialVersionUID = 1L;

  private final ArrayList<PublishedFile> publishedBefore;

  public PublishException(final String message) {
    this(message, null, List.of());
  }

  public PublishException(final String message, final Throwable cause) {
    this(message, cause, List.of());
  }

  private PublishException(final String message, final Throwable cause, final List<PublishedFile> publishedBefore) {
    super(message, cause);
    this.publishedBefore = new ArrayList<>(publishedBefore);
  }

  /** The files published before this failure; none if it came before any upload. */
  public List<PublishedFile> publishedBefore() {
    return List.copyOf(publishedBefore);
  }

  /** An I/O failure for a sentence of the build log: the failure's kind and the file system's message. */
  static String reason(final Exception e) {
    Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
    return cause.getMessage() == null ? cause.getClass().getSimpleName()
        : cause.getClass().getSimpleName() + " " + cause.getMessage();
  }

  /** This failure, after {@code published} went through. */
  PublishException after(final List<PublishedFile> published) {
    return new PublishException(getMessage(), this, published);
  }
}
