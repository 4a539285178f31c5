package io.github.nexuspypi.jenkins.publish;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/**
 * The {@code multipart/form-data} body of one upload, as twine sends it: the fields, then the file as the part
 * named {@code content}. The file is streamed from disk as the request goes out, never read into memory, and the
 * body's length is known, so no chunked encoding is needed.
 */
final class MultipartForm
{
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String boundary;

  private final BodyPublisher body;

  private MultipartForm(final String boundary, final BodyPublisher body) {
    this.boundary = boundary;
    this.body = body;
  }

  static MultipartForm of(final List<Map.Entry<String, String>> fields, final Path file) throws FileNotFoundException {
    String boundary = "----pypi-publisher-" + Long.toHexString(RANDOM.nextLong()) + Long.toHexString(RANDOM.nextLong());
    StringBuilder head = new StringBuilder();
    for (Map.Entry<String, String> field : fields) {
      head.append("--").append(boundary).append("\r\n")
          .append("Content-Disposition: form-data; name=\"").append(quoted(field.getKey())).append("\"\r\n\r\n")
          .append(field.getValue()).append("\r\n");
    }
    head.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"content\"; filename=\"")
        .append(quoted(file.getFileName().toString())).append("\"\r\n")
        .append("Content-Type: application/octet-stream\r\n\r\n");
    String tail = "\r\n--" + boundary + "--\r\n";
    return new MultipartForm(boundary, BodyPublishers.concat(
        BodyPublishers.ofByteArray(head.toString().getBytes(StandardCharsets.UTF_8)),
        BodyPublishers.ofFile(file),
        BodyPublishers.ofByteArray(tail.getBytes(StandardCharsets.UTF_8))));
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  BodyPublisher body() {
    return body;
  }

  // Form field names and file names are ASCII here; a quote or line break would end the header early.
  private static String quoted(final String value) {
    return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
  }
}
