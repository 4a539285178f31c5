package io.github.nexuspypi.it.nexus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class S3ServerTest
{
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void refusesConnectionsWhileDownAndServesOnTheSamePortWhenUpAgain(@TempDir final Path directory) throws Exception {
    try (S3Server server = S3Server.start(directory)) {
      assertEquals(403, listBuckets(server), "an unsigned request is denied: S3 answers with credentials only");
      server.down();
      assertThrows(ConnectException.class, () -> listBuckets(server));
      server.up();
      assertEquals(403, listBuckets(server));
    }
  }

  private int listBuckets(final S3Server server) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(server.endpoint().resolve("/")).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
