package io.github.nexuspypi.repository.pypi.internal;

import java.nio.charset.StandardCharsets;

import org.sonatype.nexus.repository.http.HttpStatus;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.Status;
import org.sonatype.nexus.repository.view.payloads.StringPayload;

import com.google.common.net.HttpHeaders;

/**
 * Responses shaped for Python clients: twine, poetry and pdm show an error's reason phrase and body, so both carry
 * the whole message, as PyPI does.
 */
public final class PypiResponses
{
  public static final String TEXT_PLAIN_UTF8 = "text/plain; charset=utf-8";

  private static final int MAX_REASON_LENGTH = 500;

  private PypiResponses() {
  }

  public static Response failure(final int status, final String message) {
    return new Response.Builder()
        .status(Status.failure(status, reasonPhrase(message)))
        .payload(new StringPayload(message + "\n", StandardCharsets.UTF_8, TEXT_PLAIN_UTF8))
        .build();
  }

  /** The request is wrong as sent: 400, as PyPI answers it. */
  public static Response badRequest(final String message) {
    return failure(HttpStatus.BAD_REQUEST, message);
  }

  public static Response forbidden(final String message) {
    return failure(HttpStatus.FORBIDDEN, message);
  }

  public static Response ok(final String message) {
    return new Response.Builder()
        .status(Status.success(200))
        .payload(new StringPayload(message, StandardCharsets.UTF_8, TEXT_PLAIN_UTF8))
        .build();
  }

  public static Response movedPermanently(final String location) {
    return new Response.Builder()
        .status(Status.success(301))
        .header(HttpHeaders.LOCATION, location)
        .build();
  }

  // A reason phrase is one line of ISO-8859-1 text (RFC 9112).
  static String reasonPhrase(final String message) {
    StringBuilder reason = new StringBuilder(Math.min(message.length(), MAX_REASON_LENGTH));
    for (int i = 0; i < message.length() && reason.length() < MAX_REASON_LENGTH; i++) {
      char c = message.charAt(i);
      reason.append(c >= 0x20 && c < 0x7f || c >= 0xa0 && c <= 0xff ? c : c == '\t' ? ' ' : '?');
    }
    return reason.toString();
  }
}
