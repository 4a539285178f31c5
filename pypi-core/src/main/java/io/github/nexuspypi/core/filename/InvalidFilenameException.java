package io.github.nexuspypi.core.filename;

/** A file name that names no distribution; the message says what is wrong and what a good name looks like. */
public class InvalidFilenameException extends Exception
{
  public InvalidFilenameException(final String message) {
    super(message);
  }
}
