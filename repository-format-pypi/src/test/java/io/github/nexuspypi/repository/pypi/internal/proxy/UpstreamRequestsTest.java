package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.sonatype.nexus.repository.proxy.BypassHttpErrorException;

import org.apache.http.HttpHost;
import org.apache.http.HttpResponse;
import org.apache.http.HttpVersion;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.client.HttpClient;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpHead;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.client.params.ClientPNames;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.message.BasicHttpResponse;
import org.apache.http.protocol.HttpContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class UpstreamRequestsTest
{
  private static final UsernamePasswordCredentials UPSTREAM = new UsernamePasswordCredentials("reader", "secret");

  private static final URI REMOTE = URI.create("https://index.example.com/");

  private final UpstreamRequests requests = new UpstreamRequests("pypi-proxy", REMOTE, UPSTREAM,
      new FileHostRule(REMOTE, new NexusAddress("127.0.0.1", 8081), UpstreamRequestsTest::resolve));

  private final HttpClient client = mock(HttpClient.class);

  private final List<HttpUriRequest> sent = new ArrayList<>();

  private final List<HttpClientContext> contexts = new ArrayList<>();

  @Test
  void aFileFollowsRedirectsHopByHopEachWithCredentialsForTheOriginOnly() throws IOException {
    HttpResponse file = answer(200, null);
    answers(answer(302, "https://files.example.com/a.whl"), answer(307, "/b.whl"), file);
    HttpGet request = new HttpGet("https://index.example.com/a.whl");
    request.setHeader("Accept", "*/*");

    assertSame(file, requests.file(client, request));

    assertEquals(List.of("https://index.example.com/a.whl", "https://files.example.com/a.whl",
        "https://files.example.com/b.whl"), sent.stream().map(hop -> hop.getURI().toString()).collect(Collectors.toList()));
    for (int hop = 0; hop < sent.size(); hop++) {
      assertFalse(sent.get(hop).getParams().getBooleanParameter(ClientPNames.HANDLE_REDIRECTS, true), "hop " + hop);
      assertEquals("*/*", sent.get(hop).getFirstHeader("Accept").getValue());
      assertEquals(UPSTREAM, credentialsFor(contexts.get(hop), "index.example.com"));
      assertNull(credentialsFor(contexts.get(hop), "files.example.com"));
    }
    assertNotSame(contexts.get(0), contexts.get(1), "no hop inherits the authentication of the one before");
  }

  @Test
  void aHeadStaysAHeadAcrossRedirects() throws IOException {
    answers(answer(301, "https://files.example.com/a.whl"), answer(200, null));

    requests.file(client, new HttpHead("https://index.example.com/a.whl"));

    assertTrue(sent.get(1) instanceof HttpHead);
  }

  @Test
  void aRedirectToAnInternalAddressIsRefusedBeforeItIsFollowed() throws IOException {
    answers(answer(302, "http://127.0.0.1:8081/service/rest/v1/status"));

    BypassHttpErrorException refused = assertThrows(BypassHttpErrorException.class,
        () -> requests.file(client, new HttpGet("https://files.example.com/a.whl")));

    assertEquals(502, refused.getStatusCode());
    assertTrue(refused.getReason().contains("127.0.0.1"), refused.getReason());
    assertEquals(1, sent.size());
  }

  @Test
  void aLinkToAnInternalAddressIsNeverSent() {
    assertThrows(BypassHttpErrorException.class,
        () -> requests.file(client, new HttpGet("http://169.254.169.254/latest/a.whl")));
    assertEquals(0, sent.size());
  }

  @Test
  void endlessRedirectsEnd() throws IOException {
    when(client.execute(any(HttpUriRequest.class), any(HttpContext.class)))
        .thenAnswer(invocation -> answer(302, "https://files.example.com/again"));

    IOException failure = assertThrows(IOException.class,
        () -> requests.file(client, new HttpGet("https://files.example.com/a.whl")));

    assertTrue(failure.getMessage().contains("redirects"), failure.getMessage());
  }

  @Test
  void aFilesSizeComesFromAHeadUpstream() throws IOException {
    HttpResponse sized = answer(200, null);
    sized.setHeader("Content-Length", "1234");
    answers(sized, answer(200, null), answer(404, null));
    URI file = URI.create("https://files.example.com/a.whl");

    assertEquals(Optional.of(1234L), requests.size(client, file));
    assertEquals(Optional.of(-1L), requests.size(client, file), "no Content-Length");
    assertEquals(Optional.empty(), requests.size(client, file), "no such file");
    assertTrue(sent.stream().allMatch(request -> request instanceof HttpHead));
  }

  @Test
  void aPageIsSentOnceWithCredentialsForTheOriginOnly() throws IOException {
    HttpResponse page = answer(200, null);
    answers(page);

    assertSame(page, requests.page(client, new HttpGet("https://index.example.com/simple/a/")));

    assertEquals(UPSTREAM, credentialsFor(contexts.get(0), "index.example.com"));
    assertNull(credentialsFor(contexts.get(0), "files.example.com"));
  }

  private void answers(final HttpResponse... responses) throws IOException {
    List<HttpResponse> queue = new ArrayList<>(List.of(responses));
    when(client.execute(any(HttpUriRequest.class), any(HttpContext.class))).thenAnswer(invocation -> {
      sent.add(invocation.getArgument(0));
      contexts.add(invocation.getArgument(1));
      return queue.remove(0);
    });
  }

  private static HttpResponse answer(final int status, final String location) {
    BasicHttpResponse response = new BasicHttpResponse(HttpVersion.HTTP_1_1, status, "");
    if (location != null) {
      response.setHeader("Location", location);
    }
    return response;
  }

  private static Object credentialsFor(final HttpClientContext context, final String host) {
    return context.getCredentialsProvider().getCredentials(new AuthScope(new HttpHost(host, 443, "https")));
  }

  private static InetAddress[] resolve(final String host) throws UnknownHostException {
    return host.endsWith(".example.com") ? new InetAddress[] {InetAddress.getByName("93.184.215.14")}
        : InetAddress.getAllByName(host);
  }
}
