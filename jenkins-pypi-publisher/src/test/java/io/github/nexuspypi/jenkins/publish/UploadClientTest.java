package io.github.nexuspypi.jenkins.publish;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.nexuspypi.core.upload.PreparedUpload;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class UploadClientTest
{
  @TempDir
  Path dir;

  private final HttpClient http = mock(HttpClient.class);

  private final List<Duration> waits = new ArrayList<>();

  private final List<String> log = new ArrayList<>();

  private PreparedUpload wheel;

  @BeforeEach
  void aWheel() throws Exception {
    wheel = PreparedUpload.prepare(TestWheels.write(dir, "demo", "1.0", ""));
  }

  @Test
  void connectionErrorsAndServerErrorsAreTriedAgainWithGrowingWaits() throws Exception {
    HttpResponse<Object> busy = response(503, "busy");
    HttpResponse<Object> ok = response(200, "");
    when(http.send(any(), any())).thenThrow(new ConnectException("refused")).thenReturn(busy).thenReturn(ok);

    assertTrue(client(settings().retries(3)).upload(wheel, log::add));

    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), waits);
    assertEquals(2, log.size(), log::toString);
  }

  @Test
  void retriesEndWithTheLastFailure() throws Exception {
    HttpResponse<Object> answer = response(502, "bad gateway");
    when(http.send(any(), any())).thenReturn(answer);

    PublishException failed = assertThrows(PublishException.class,
        () -> client(settings().retries(2)).upload(wheel, log::add));

    assertTrue(failed.getMessage().contains("failed 3 time(s), last with 502 bad gateway"), failed.getMessage());
    verify(http, times(3)).send(any(), any());
  }

  @Test
  void clientErrorsAreNeverRetriedAndSayWhatToDo() throws Exception {
    HttpResponse<Object> answer = response(403, "Forbidden");
    when(http.send(any(), any())).thenReturn(answer);

    PublishException failed = assertThrows(PublishException.class,
        () -> client(settings().retries(5)).upload(wheel, log::add));

    assertTrue(failed.getMessage().startsWith("demo-1.0-py3-none-any.whl: 403 Forbidden: the user 'deployer'"),
        failed.getMessage());
    verify(http, times(1)).send(any(), any());
    assertEquals(List.of(), waits);
  }

  @Test
  void aFileAlreadyThereIsSkippedOnlyWhenAskedTo() throws Exception {
    HttpResponse<Object> answer = response(400, "File already exists ('demo-1.0-py3-none-any.whl').");
    when(http.send(any(), any())).thenReturn(answer);

    assertFalse(client(settings().skipExisting(true)).upload(wheel, log::add));
    PublishException failed = assertThrows(PublishException.class,
        () -> client(settings()).upload(wheel, log::add));
    assertTrue(failed.getMessage().contains("skipExisting: true"), failed.getMessage());
  }

  @Test
  void theRequestIsTwinesFormWithBasicAuthentication() throws Exception {
    HttpResponse<Object> answer = response(200, "");
    when(http.send(any(), any())).thenReturn(answer);

    client(settings()).upload(wheel, log::add);

    ArgumentCaptor<HttpRequest> sent = ArgumentCaptor.forClass(HttpRequest.class);
    verify(http).send(sent.capture(), any());
    HttpRequest request = sent.getValue();
    assertEquals("POST", request.method());
    assertEquals("https://nexus/repository/pypi-hosted/", request.uri().toString());
    assertTrue(request.headers().firstValue("Content-Type").orElse("").startsWith("multipart/form-data; boundary="));
    assertEquals("Basic ZGVwbG95ZXI6czNjcmV0", request.headers().firstValue("Authorization").orElse(""));
    assertTrue(request.bodyPublisher().orElseThrow().contentLength() > wheel.size(),
        "the body has a known length: no chunked encoding");
  }

  private PublishSettings.Builder settings() {
    return PublishSettings.to("https://nexus/repository/pypi-hosted")
        .credentials(UploadCredentials.usernamePassword("deployer", "s3cret"));
  }

  private UploadClient client(final PublishSettings.Builder settings) {
    return new UploadClient(http, settings.build(), waits::add);
  }

  @SuppressWarnings("unchecked")
  private static HttpResponse<Object> response(final int status, final String body) {
    HttpResponse<Object> response = mock(HttpResponse.class);
    when(response.statusCode()).thenReturn(status);
    when(response.body()).thenReturn(body);
    when(response.headers()).thenReturn(HttpHeaders.of(Map.of(), (name, value) -> true));
    return response;
  }
}
