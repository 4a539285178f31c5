package io.github.nexuspypi.repository.pypi.internal.importer;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.github.nexuspypi.core.index.Yank;
import io.github.nexuspypi.repository.pypi.SourceDetails;
import io.github.nexuspypi.repository.pypi.internal.proxy.FileHostRule;
import io.github.nexuspypi.repository.pypi.internal.proxy.NexusAddress;
import io.github.nexuspypi.repository.pypi.internal.proxy.UpstreamRequests;

import org.apache.http.HttpResponse;
import org.apache.http.HttpVersion;
import org.apache.http.client.HttpClient;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.message.BasicHttpResponse;
import org.apache.http.protocol.HttpContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class IndexSourceTest
{
  private static final URI INDEX = URI.create("http://devpi.example.com/alice/dev/+simple/");

  private static final String JSON = "application/vnd.pypi.simple.v1+json";

  private final HttpClient client = mock(HttpClient.class);

  private final Map<String, HttpResponse> pages = new HashMap<>();

  private final IndexSource source = new IndexSource(INDEX, client, new UpstreamRequests("Import into hosted",
      INDEX, null, new FileHostRule(INDEX, new NexusAddress("127.0.0.1", 8081))));

  private void page(final String url, final String contentType, final String body) {
    BasicHttpResponse response = new BasicHttpResponse(HttpVersion.HTTP_1_1, 200, "OK");
    response.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), ContentType.parse(contentType)));
    pages.put(url, response);
  }

  private List<SourceFile> list(final String projects) throws IOException {
    when(client.execute(any(HttpUriRequest.class), any(HttpContext.class))).thenAnswer(call -> {
      String url = call.<HttpUriRequest>getArgument(0).getURI().toString();
      return Optional.ofNullable(pages.get(url))
          .orElseGet(() -> new BasicHttpResponse(HttpVersion.HTTP_1_1, 404, "Not Found"));
    });
    return source.list(ProjectFilter.parse(projects));
  }

  @Test
  void theRootListsTheProjectsAndEachPageItsFilesWithWhatItSaysOfThem() throws IOException {
    page(INDEX.toString(), "text/html", "<a href=\"demo/\">Demo</a><a href=\"other/\">other</a>");
    page(INDEX + "demo/", JSON, "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \"demo\", \"files\": ["
        + "{\"filename\": \"demo-1.0.tar.gz\", \"url\": \"../../+f/abc/demo-1.0.tar.gz\","
        + " \"hashes\": {\"sha256\": \"" + "a".repeat(64) + "\"}, \"requires-python\": \">=3.8\","
        + " \"yanked\": \"broken\", \"upload-time\": \"2020-01-02T03:04:05.000000Z\"}]}");
    page(INDEX + "other/", "text/html", "<a href=\"other-2.0-py3-none-any.whl\">other-2.0-py3-none-any.whl</a>");

    List<SourceFile> files = list("");

    assertEquals(List.of("demo-1.0.tar.gz", "other-2.0-py3-none-any.whl"),
        files.stream().map(SourceFile::filename).collect(Collectors.toList()));
    SourceFile demo = files.get(0);
    assertEquals("demo", demo.project());
    assertEquals("http://devpi.example.com/alice/dev/+f/abc/demo-1.0.tar.gz", demo.location());
    assertEquals("a".repeat(64), demo.sha256());
    assertEquals(Optional.of(Instant.parse("2020-01-02T03:04:05Z")), demo.details().uploadTime());
    assertEquals(Optional.of(new Yank("broken")), demo.details().yank());
    assertEquals(Optional.of(">=3.8"), demo.details().requiresPython());
    assertEquals(INDEX + "other/other-2.0-py3-none-any.whl", files.get(1).location());
  }

  @Test
  void namedProjectsAreAskedForWithoutTheRootAndAMissingOneHasNoFiles() throws IOException {
    page(INDEX + "other/", "text/html", "<a href=\"other-2.0-py3-none-any.whl\">other-2.0-py3-none-any.whl</a>");

    List<SourceFile> files = list("Other, missing");

    assertEquals(1, files.size());
  }

  @Test
  void anErrorOfTheIndexStopsTheListingWithTheUrl() {
    pages.put(INDEX.toString(), new BasicHttpResponse(HttpVersion.HTTP_1_1, 500, "Server Error"));

    IOException failed = assertThrows(IOException.class, () -> list(""));

    assertTrue(failed.getMessage().contains(INDEX.toString()) && failed.getMessage().contains("500"),
        failed.getMessage());
  }

  @Test
  void aFileLinkThatIsNoHttpUrlIsNotOpened() {
    SourceFile file = new SourceFile("demo-1.0.tar.gz", "demo", "file:///etc/passwd", null,
        SourceDetails.NONE);

    IOException refused = assertThrows(IOException.class, () -> source.open(file));

    assertTrue(refused.getMessage().contains("no http or https URL"), refused.getMessage());
  }
}
