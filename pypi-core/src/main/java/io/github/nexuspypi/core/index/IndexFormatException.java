package io.github.nexuspypi.core.index;

import java.io.IOException;

/**
 * An index page that cannot be read as the simple repository API. It is an {@link IOException} because, to a proxy, a
 * broken upstream page is one more way for the upstream to fail.
 */
public class IndexFormatException
    extends IOException
{
  private static final long serialVersionUID = 1L;

  public IndexFormatException(final String message) {
    super(message);
  }

  public IndexFormatException(final String message, final Throwable cause) {
    super(message, cause);
  }
}
