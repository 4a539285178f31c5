package io.github.nexuspypi.jenkins.publish;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The engine against a repository that answers what no Nexus does: links the build page must not carry, and a
 * workspace it cannot read.
 */
class DistributionPublisherTest
{
  private static final String REPOSITORY = "https://pypi.example/legacy/";

  @TempDir
  Path workspace;

  private final HttpClient http = mock(HttpClient.class);

  @Test
  void aLinkThatIsNotHttpOnTheProjectPageBecomesThePageItself() throws Exception {
    Path wheel = TestWheels.write(workspace.resolve("dist"), "demo", "1.0", "");
    String hostile = "<html><body><a href=\"javascript:alert(document.cookie)\">" + wheel.getFileName()
        + "</a></body></html>";
    when(http.send(any(), any())).thenAnswer(call -> {
      HttpRequest request = call.getArgument(0);
      return "POST".equals(request.method()) ? response(200, "")
          : response(200, new ByteArrayInputStream(hostile.getBytes(StandardCharsets.UTF_8)));
    });
    List<String> log = new ArrayList<>();

    List<PublishedFile> published = new DistributionPublisher(PublishSettings.to(REPOSITORY).build(), http,
        duration -> { }).publish(workspace, log::add);

    assertEquals(REPOSITORY + "simple/demo/", published.get(0).url());
    assertTrue(log.stream().noneMatch(line -> line.contains("javascript:")), log::toString);
  }

  @Test
  void aFileThatCannotBeReadFailsWithASentenceNamingIt() throws Exception {
    Path dist = Files.createDirectories(workspace.resolve("dist"));
    Path unreadable = dist.resolve("demo-1.0-py3-none-any.whl");
    // A file the system refuses to read, whoever runs the test (root reads every file with permissions): on Linux.
    Files.createSymbolicLink(unreadable, Path.of("/proc/self/mem"));

    PublishException failed = assertThrows(PublishException.class, () -> new DistributionPublisher(
        PublishSettings.to(REPOSITORY).build(), http, duration -> { }).publish(workspace, line -> { }));

    assertTrue(failed.getMessage().startsWith("Not publishing anything: " + unreadable.getFileName()),
        failed.getMessage());
  }

  @SuppressWarnings("unchecked")
  private static HttpResponse<Object> response(final int status, final Object body) {
    HttpResponse<Object> response = mock(HttpResponse.class);
    when(response.statusCode()).thenReturn(status);
    when(response.body()).thenReturn(body);
    when(response.headers()).thenReturn(HttpHeaders.of(Map.of("Content-Type", List.of("text/html")),
        (name, value) -> true));
    return response;
  }
}
