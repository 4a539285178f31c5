package io.github.nexuspypi.it.upload;

import io.github.nexuspypi.it.nexus.NexusHttp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends {@link LegacyUpload}s to a repository ({@code POST <repository>/} as {@code multipart/form-data}), the file
 * streamed from disk. It speaks through {@link HttpURLConnection} because the JDK's {@code HttpClient} hides the
 * reason phrase, which is where Python clients find the server's message.
 */
public final class LegacyUploadClient
{
  private static final int TIMEOUT_MILLIS = (int) Duration.ofMinutes(2).toMillis();

  private static final String CRLF = "\r\n";

  private final URI repositoryUri;

  private final Optional<String> authorization;

  private LegacyUploadClient(final URI repositoryUri, final Optional<String> authorization) {
    this.repositoryUri = repositoryUri;
    this.authorization = authorization;
  }

  /** Uploads to {@code <base>/repository/<repository>/} with the credentials {@code http} has (sent up front). */
  public static LegacyUploadClient to(final NexusHttp http, final String repository) {
    return new LegacyUploadClient(http.resolve("repository/" + repository + "/"), http.authorization());
  }

  public UploadResponse upload(final LegacyUpload upload) {
    String boundary = "----nexus-pypi-it-" + UUID.randomUUID();
    byte[] head = head(upload, boundary);
    byte[] tail = (CRLF + "--" + boundary + "--" + CRLF).getBytes(StandardCharsets.UTF_8);
    Optional<Path> file = upload.file();
    long length = head.length + tail.length + file.map(LegacyUploadClient::size).orElse(0L);
    return send("multipart/form-data; boundary=" + boundary, length, out -> {
      out.write(head);
      if (file.isPresent()) {
        Files.copy(file.get(), out);
      }
      out.write(tail);
    });
  }

  /** Any other body, e.g. a form that is not multipart. */
  public UploadResponse post(final String contentType, final byte[] body) {
    return send(contentType, body.length, out -> out.write(body));
  }

  /** Every field part, then the header of the file part; the tail closes the file part (or the empty last field). */
  private static byte[] head(final LegacyUpload upload, final String boundary) {
    StringBuilder head = new StringBuilder();
    String separator = "";
    for (Map.Entry<String, String> field : upload.fields()) {
      head.append(separator).append("--").append(boundary).append(CRLF)
          .append("Content-Disposition: form-data; name=\"").append(quoted(field.getKey())).append('"').append(CRLF)
          .append(CRLF)
          .append(field.getValue());
      separator = CRLF;
    }
    if (upload.file().isPresent()) {
      head.append(separator).append("--").append(boundary).append(CRLF)
          .append("Content-Disposition: form-data; name=\"").append(LegacyUpload.FILE_FIELD)
          .append("\"; filename=\"").append(quoted(upload.fileName())).append('"').append(CRLF)
          .append("Content-Type: application/octet-stream").append(CRLF)
          .append(CRLF);
    }
    return head.toString().getBytes(StandardCharsets.UTF_8);
  }

  // What browsers and requests do to a quote or a line break inside a quoted multipart parameter.
  private static String quoted(final String value) {
    return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
  }

  private interface Body
  {
    void writeTo(OutputStream out) throws IOException;
  }

  private UploadResponse send(final String contentType, final long length, final Body body) {
    HttpURLConnection connection = open();
    try {
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setFixedLengthStreamingMode(length);
      connection.setRequestProperty("Content-Type", contentType);
      try (OutputStream out = connection.getOutputStream()) {
        body.writeTo(out);
      }
      catch (IOException e) {
        // The server may answer (401, 400) before it has read the whole body and close the connection.
        return response(connection, e);
      }
      return response(connection, null);
    }
    catch (IOException e) {
      throw new UncheckedIOException("POST " + repositoryUri + " failed: " + e, e);
    }
    finally {
      connection.disconnect();
    }
  }

  private HttpURLConnection open() {
    try {
      HttpURLConnection connection = (HttpURLConnection) repositoryUri.toURL().openConnection();
      connection.setInstanceFollowRedirects(false);
      connection.setUseCaches(false);
      connection.setConnectTimeout(TIMEOUT_MILLIS);
      connection.setReadTimeout(TIMEOUT_MILLIS);
      authorization.ifPresent(value -> connection.setRequestProperty("Authorization", value));
      return connection;
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot open " + repositoryUri, e);
    }
  }

  private static UploadResponse response(final HttpURLConnection connection, final IOException writeFailure)
      throws IOException
  {
    int status;
    try {
      status = connection.getResponseCode();
    }
    catch (IOException e) {
      if (writeFailure != null) {
        writeFailure.addSuppressed(e);
        throw writeFailure;
      }
      throw e;
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    connection.getHeaderFields().forEach((name, values) -> {
      if (name != null) {
        headers.put(name, values);
      }
    });
    String reason = Optional.ofNullable(connection.getResponseMessage()).orElse("");
    return new UploadResponse(status, reason, body(connection, status), headers);
  }

  private static String body(final HttpURLConnection connection, final int status) throws IOException {
    try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
      if (in == null) {
        return "";
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      in.transferTo(body);
      return body.toString(StandardCharsets.UTF_8);
    }
  }

  private static long size(final Path file) {
    try {
      return Files.size(file);
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
