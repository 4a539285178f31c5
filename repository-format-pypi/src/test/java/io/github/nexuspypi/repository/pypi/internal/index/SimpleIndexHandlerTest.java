package io.github.nexuspypi.repository.pypi.internal.index;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.repository.pypi.PypiIndexFacet;
import io.github.nexuspypi.repository.pypi.internal.Exchanges;
import io.github.nexuspypi.repository.pypi.internal.RouteTokens;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.Request;
import org.sonatype.nexus.repository.view.Response;

import com.google.common.net.HttpHeaders;
import org.joda.time.DateTime;

import static io.github.nexuspypi.repository.pypi.internal.Exchanges.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.verify;

@ExtendWith(MockitoExtension.class)
class SimpleIndexHandlerTest
{
  private static final String REPOSITORY_URL = "http://localhost:8081/repository/pypi-hosted";

  private static final Instant LAST_CHANGE = Instant.parse("2024-05-01T12:00:00Z");

  @Mock
  private Repository repository;

  @Mock
  private PypiIndexFacet index;

  private final SimpleIndexHandler handler = new SimpleIndexHandler();

  @BeforeEach
  void setUp() throws Exception {
    lenient().when(repository.getUrl()).thenReturn(REPOSITORY_URL);
    lenient().when(repository.facet(PypiIndexFacet.class)).thenReturn(index);
    lenient().when(index.rootPage(any(), any()))
        .thenAnswer(call -> page("root", call.getArgument(1)).toContent());
    lenient().when(index.projectPage(any(), eq("foo-bar"), any()))
        .thenAnswer(call -> Optional.of(page("foo-bar", call.getArgument(2)).toContent()));
  }

  private static RenderedPage page(final String body, final SimpleFormat format) {
    return RenderedPage.of((body + " as " + format).getBytes(StandardCharsets.UTF_8), format, LAST_CHANGE);
  }

  /**
   * A GET as the simple route hands it over: the path, and the project token its matcher captured, if any.
   */
  private Response get(final String path, final String project, final String accept) throws Exception {
    Request.Builder request = new Request.Builder().action(HttpMethods.GET).path(path);
    if (accept != null) {
      request.header(HttpHeaders.ACCEPT, accept);
    }
    Map<String, String> tokens = new HashMap<>();
    if (project != null) {
      tokens.put(RouteTokens.PROJECT, project);
    }
    return handler.handle(Exchanges.routed(repository, request.build(), tokens));
  }

  @Test
  void rootPage() throws Exception {
    Response response = get("/simple/", null, null);

    assertEquals(200, response.getStatus().getCode());
    assertEquals("root as TEXT_HTML", text(response));
    assertEquals(HttpHeaders.ACCEPT, response.getHeaders().get(HttpHeaders.VARY));
  }

  @Test
  void projectPage() throws Exception {
    Response response = get("/simple/foo-bar/", "foo-bar", null);

    assertEquals(200, response.getStatus().getCode());
    assertEquals("foo-bar as TEXT_HTML", text(response));
    assertEquals(HttpHeaders.ACCEPT, response.getHeaders().get(HttpHeaders.VARY));
  }

  @Test
  void aProjectTheIndexDoesNotHaveIsNotFound() throws Exception {
    Response response = get("/simple/missing/", "missing", null);

    assertEquals(404, response.getStatus().getCode());
    verify(index).projectPage(any(), eq("missing"), eq(SimpleFormat.TEXT_HTML));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "application/vnd.pypi.simple.v1+json | JSON_V1",
      "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01 | JSON_V1",
      "application/vnd.pypi.simple.latest+json | JSON_V1",
      "application/vnd.pypi.simple.v1+html | HTML_V1",
      "text/html | TEXT_HTML",
      "text/html, application/vnd.pypi.simple.v1+json;q=0.5 | TEXT_HTML",
      "*/* | TEXT_HTML",
      "image/png | TEXT_HTML"
  })
  void acceptChoosesTheFormatTheIndexRenders(final String accept, final SimpleFormat expected) throws Exception {
    Response project = get("/simple/foo-bar/", "foo-bar", accept);
    Response root = get("/simple/", null, accept);

    verify(index).projectPage(any(), eq("foo-bar"), eq(expected));
    verify(index).rootPage(any(), eq(expected));
    assertEquals(expected.mediaType(), ((Content) project.getPayload()).getContentType().split(";")[0]);
    assertEquals(expected.mediaType(), ((Content) root.getPayload()).getContentType().split(";")[0]);
  }

  @Test
  void htmlSaysItsCharsetAndJsonNeedsNone() throws Exception {
    assertEquals("text/html; charset=utf-8", get("/simple/", null, "text/html").getPayload().getContentType());
    assertEquals("application/vnd.pypi.simple.v1+json",
        get("/simple/", null, "application/vnd.pypi.simple.v1+json").getPayload().getContentType());
  }

  @Test
  void pagesCarryTheirValidatorsForConditionalRequests() throws Exception {
    Response response = get("/simple/foo-bar/", "foo-bar", "application/vnd.pypi.simple.v1+json");

    Content content = (Content) response.getPayload();
    RenderedPage expected = page("foo-bar", SimpleFormat.JSON_V1);
    assertEquals(expected.etag(), content.getAttributes().get(Content.CONTENT_ETAG));
    assertEquals(new DateTime(LAST_CHANGE.toEpochMilli()), content.getAttributes().get(Content.CONTENT_LAST_MODIFIED));
  }
}
