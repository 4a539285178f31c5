package io.github.nexuspypi.repository.pypi.internal.remote;

import java.io.IOException;
import java.net.URI;

import io.github.nexuspypi.core.index.SimpleFormat;

import org.apache.http.Header;
import org.apache.http.HttpResponse;
import org.apache.http.client.HttpClient;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpHead;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.client.utils.HttpClientUtils;
import org.apache.http.protocol.HTTP;

/**
 * Asks with {@code HEAD}, as a client would read the root page: pypi.org's is tens of MiB, and the status and type
 * are all the answer needed. A server that allows no {@code HEAD} is asked with a {@code GET} whose body is left
 * unread.
 */
public final class HttpIndexProbe
    implements IndexProbe
{
  private final HttpClient client;

  public HttpIndexProbe(final HttpClient client) {
    this.client = client;
  }

  @Override
  public ProbeAnswer ask(final URI candidate) {
    try {
      ProbeAnswer answer = send(new HttpHead(candidate));
      if (answer == null) {
        answer = send(new HttpGet(candidate));
      }
      return answer;
    }
    catch (IOException | RuntimeException e) {
      return ProbeAnswer.failed(e);
    }
  }

  /** {@code null} when the server does not allow the method. */
  private ProbeAnswer send(final HttpRequestBase request) throws IOException {
    request.setHeader("Accept", SimpleFormat.CLIENT_ACCEPT);
    HttpResponse response = client.execute(request);
    try {
      int status = response.getStatusLine().getStatusCode();
      if (request instanceof HttpHead && (status == 405 || status == 501)) {
        return null;
      }
      Header type = response.getFirstHeader(HTTP.CONTENT_TYPE);
      return ProbeAnswer.of(status, type == null ? null : type.getValue());
    }
    finally {
      // Abort rather than drain: a GET's body may be a root page of tens of MiB.
      request.abort();
      HttpClientUtils.closeQuietly(response);
    }
  }
}
