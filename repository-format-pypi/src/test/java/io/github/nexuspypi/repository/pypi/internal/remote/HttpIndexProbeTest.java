package io.github.nexuspypi.repository.pypi.internal.remote;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.nexuspypi.repository.pypi.internal.remote.ProbeAnswer.Verdict;

import org.apache.http.HttpResponse;
import org.apache.http.HttpVersion;
import org.apache.http.client.CredentialsProvider;
import org.apache.http.client.HttpClient;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.message.BasicHttpResponse;
import org.apache.http.protocol.HttpContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class HttpIndexProbeTest
{
  private static final URI ROOT = URI.create("http://proxpi:5000/");

  private static final String HTML = "text/html; charset=utf-8";

  private final Map<String, HttpResponse> answers = new HashMap<>();

  private final List<String> asked = new ArrayList<>();

  private final HttpClient client = mock(HttpClient.class);

  private final CredentialsProvider credentials = mock(CredentialsProvider.class);

  @BeforeEach
  void answerFromTheMap() throws IOException {
    when(client.execute(any(HttpUriRequest.class), any(HttpContext.class))).thenAnswer(invocation -> {
      HttpUriRequest request = invocation.getArgument(0);
      // Nexus's client offers the repository's credentials to any host: the probe's own provider stands in for it.
      assertSame(credentials, HttpClientContext.adapt(invocation.getArgument(1)).getCredentialsProvider());
      String key = request.getMethod() + " " + request.getURI();
      asked.add(key);
      assertTrue(request.getFirstHeader("Accept").getValue().startsWith("application/vnd.pypi.simple.v1+json"));
      HttpResponse answer = answers.get(key);
      if (answer == null) {
        throw new ConnectException("Connection refused");
      }
      return answer;
    });
  }

  @Test
  void aJsonRootIsAnIndexByItsHeadersAlone() {
    answers.put("HEAD " + ROOT, response(200, "application/vnd.pypi.simple.v1+json", ""));

    assertEquals(Verdict.INDEX, new HttpIndexProbe(client, credentials).ask(ROOT).verdict());
    assertEquals(List.of("HEAD " + ROOT), asked);
  }

  @Test
  void anHtmlRootIsAnIndexOnceTheFirstProjectItListsHasAPage() {
    answers.put("HEAD " + ROOT, response(200, HTML, ""));
    answers.put("GET " + ROOT, response(200, HTML, "<html><body><a href='/simple/foo-bar/'>Foo.Bar</a>\n"
        + "<a href='/simple/other/'>other</a></body></html>"));
    answers.put("HEAD " + ROOT + "foo-bar/", response(200, HTML, ""));

    assertEquals(Verdict.INDEX, new HttpIndexProbe(client, credentials).ask(ROOT).verdict());
    assertEquals(List.of("HEAD " + ROOT, "GET " + ROOT, "HEAD " + ROOT + "foo-bar/"), asked);
  }

  /** proxpi's home page: an HTML page with a link to its index, which is not a project. */
  @Test
  void anHtmlHomePageIsNoIndex() {
    answers.put("HEAD " + ROOT, response(200, HTML, ""));
    answers.put("GET " + ROOT, response(200, HTML, "<h1>Proxpi</h1><p><a href=\"index/\">Package index</a></p>"));

    ProbeAnswer answer = new HttpIndexProbe(client, credentials).ask(ROOT);

    assertEquals(Verdict.NOT_AN_INDEX, answer.verdict());
    assertEquals("200 " + HTML + ", but its first link, 'Package index', names no project", answer.toString());
  }

  @Test
  void anHtmlPageWhoseFirstLinkHasNoProjectPageIsNoIndex() {
    answers.put("HEAD " + ROOT, response(200, HTML, ""));
    answers.put("GET " + ROOT, response(200, HTML, "<a href='docs/'>docs</a>"));
    answers.put("HEAD " + ROOT + "docs/", response(404, "text/plain", ""));

    ProbeAnswer answer = new HttpIndexProbe(client, credentials).ask(ROOT);

    assertEquals(Verdict.NOT_AN_INDEX, answer.verdict());
    assertTrue(answer.toString().endsWith("its first project's page " + ROOT + "docs/ answered 404 text/plain"),
        answer::toString);
  }

  @Test
  void anHtmlRootWithoutProjectsIsAnEmptyIndex() {
    answers.put("HEAD " + ROOT, response(200, HTML, ""));
    answers.put("GET " + ROOT, response(200, HTML, "<html><body></body></html>"));

    assertEquals(Verdict.INDEX, new HttpIndexProbe(client, credentials).ask(ROOT).verdict());
  }

  @Test
  void onlyTheFirstMibOfARootIsReadForItsFirstProject() {
    answers.put("HEAD " + ROOT, response(200, HTML, ""));
    answers.put("GET " + ROOT, response(200, HTML, "<p>" + "x".repeat(2 * 1024 * 1024) + "</p><a href='a/'>a</a>"));

    ProbeAnswer answer = new HttpIndexProbe(client, credentials).ask(ROOT);

    assertEquals(Verdict.NOT_AN_INDEX, answer.verdict());
    assertTrue(answer.toString().contains("it is no simple API page"), answer::toString);
  }

  @Test
  void aServerWithoutHeadIsAskedWithGet() {
    answers.put("HEAD " + ROOT, response(405, "text/plain", ""));
    answers.put("GET " + ROOT, response(200, "application/vnd.pypi.simple.v1+json", "{}"));

    assertEquals(Verdict.INDEX, new HttpIndexProbe(client, credentials).ask(ROOT).verdict());
  }

  @Test
  void noAnswerSaysNothing() {
    ProbeAnswer answer = new HttpIndexProbe(client, credentials).ask(ROOT);

    assertEquals(Verdict.UNKNOWN, answer.verdict());
    assertEquals("ConnectException: Connection refused", answer.toString());
  }

  private static HttpResponse response(final int status, final String contentType, final String body) {
    BasicHttpResponse response = new BasicHttpResponse(HttpVersion.HTTP_1_1, status, "");
    response.setHeader("Content-Type", contentType);
    response.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8)));
    return response;
  }
}
