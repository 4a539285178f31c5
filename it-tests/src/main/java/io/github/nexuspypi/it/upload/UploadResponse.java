package io.github.nexuspypi.it.upload;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the server answered to an upload, reason phrase included: twine, poetry and pdm show it to the user, so it
 * is part of what the tests check.
 *
 * @param headers header name to values, names as the server wrote them
 */
public record UploadResponse(int status, String reason, String body, Map<String, List<String>> headers)
{
  public UploadResponse {
    headers = Map.copyOf(headers);
  }

  /** The first value of a header, its name compared ignoring case. */
  public Optional<String> header(final String name) {
    return headers.entrySet().stream()
        .filter(header -> header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty())
        .map(header -> header.getValue().get(0))
        .findFirst();
  }

  /** For assertion messages. */
  public String describe() {
    return status + " " + reason + (body.isBlank() ? " (no body)" : "\n" + body.strip());
  }
}
