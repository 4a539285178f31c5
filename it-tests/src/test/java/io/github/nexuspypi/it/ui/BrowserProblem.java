package io.github.nexuspypi.it.ui;

/**
 * Something that went wrong in the page: an uncaught exception ({@code where} is the top stack frame), a
 * {@code console.error}, a request answered with a 4xx/5xx status or one that failed ({@code where} is
 * {@code <method> <url>}, {@code what} the status or the network error).
 */
public record BrowserProblem(Kind kind, String where, String what)
{
  public enum Kind
  {
    UNCAUGHT_EXCEPTION, CONSOLE_ERROR, HTTP_ERROR, REQUEST_FAILED
  }

  @Override
  public String toString() {
    return kind + " " + where + ": " + what;
  }
}
