package io.github.nexuspypi.repository.pypi.internal.remote;

/** A remote URL under which no index could be found; the message tells the admin what was tried and what to do. */
public final class UnresolvedIndexUrlException
    extends Exception
{
  private static final long serialVersionUID = 1L;

  UnresolvedIndexUrlException(final String message) {
    super(message);
  }
}
