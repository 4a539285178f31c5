package io.github.nexuspypi.it.nexus;

/** Nexus answered a request with a status the caller did not expect; the message carries Nexus's own words. */
public final class NexusApiException extends RuntimeException
{
  private final int status;

  private final String body;

  public NexusApiException(final String request, final int status, final String body) {
    super(request + " answered " + status + (body.isBlank() ? " with no body" : ": " + body.strip()));
    this.status = status;
    this.body = body;
  }

  public int status() {
    return status;
  }

  public String body() {
    return body;
  }
}
