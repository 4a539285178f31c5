package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;

import javax.annotation.Nullable;

import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.proxy.BypassHttpErrorException;
import org.sonatype.nexus.repository.view.Payload;

import com.google.common.collect.ArrayListMultimap;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpResponse;
import org.apache.http.HttpStatus;
import org.apache.http.auth.Credentials;
import org.apache.http.client.HttpClient;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpHead;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.client.params.ClientPNames;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.client.utils.HttpClientUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a proxy's requests upstream through the repository's HTTP client. Each request carries the upstream
 * credentials for the remote URL's origin only. A file is fetched from wherever its page says, so its fetch follows
 * redirects itself: each hop must pass the {@link FileHostRule} before a connection is made, and starts without the
 * authentication state of the hop before. A refused host is logged and answered with a 502 that names the reason.
 */
public final class UpstreamRequests
{
  private static final Logger log = LoggerFactory.getLogger(UpstreamRequests.class);

  private static final int MAX_REDIRECTS = 10;

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final String repository;

  private final URI remoteUrl;

  @Nullable
  private final Credentials credentials;

  private final FileHostRule fileHosts;

  /** @param repository who asks, as the log names it: a proxy repository, an import */
  public UpstreamRequests(final String repository, final URI remoteUrl, @Nullable final Credentials credentials,
                   final FileHostRule fileHosts)
  {
    this.repository = repository;
    this.remoteUrl = remoteUrl;
    this.credentials = credentials;
    this.fileHosts = fileHosts;
  }

  /** A page under the remote URL: the client follows redirects, which the credentials do not follow off origin. */
  public HttpResponse page(final HttpClient client, final HttpRequestBase request) throws IOException {
    return client.execute(request, context());
  }

  /** A file or its metadata, GET or HEAD, from any host the rule lets through, hop by hop. */
  public HttpResponse file(final HttpClient client, final HttpRequestBase request) throws IOException {
    HttpRequestBase hop = request;
    for (int redirects = 0; ; redirects++) {
      checkHost(hop.getURI());
      withoutRedirects(hop);
      HttpResponse response = client.execute(hop, context());
      Optional<URI> location = redirect(hop.getURI(), response);
      if (location.isEmpty()) {
        return response;
      }
      HttpClientUtils.closeQuietly(response);
      if (redirects == MAX_REDIRECTS) {
        throw new IOException("More than " + MAX_REDIRECTS + " redirects from " + request.getURI());
      }
      hop = nextHop(request, location.get());
    }
  }

  /**
   * A file's size as a HEAD upstream gives it ({@link Payload#UNKNOWN_SIZE} without a Content-Length); empty when
   * upstream has no such file.
   */
  Optional<Long> size(final HttpClient client, final URI file) throws IOException {
    HttpResponse response = file(client, new HttpHead(file));
    try {
      int status = response.getStatusLine().getStatusCode();
      if (status == HttpStatus.SC_NOT_FOUND) {
        return Optional.empty();
      }
      if (status != HttpStatus.SC_OK) {
        throw new IOException("Upstream answers HEAD " + file + " with " + response.getStatusLine());
      }
      Header length = response.getFirstHeader(HttpHeaders.CONTENT_LENGTH);
      return Optional.of(length != null ? Long.parseLong(length.getValue().strip()) : Payload.UNKNOWN_SIZE);
    }
    catch (NumberFormatException e) {
      throw new IOException("Upstream answers HEAD " + file + " with a malformed Content-Length", e);
    }
    finally {
      HttpClientUtils.closeQuietly(response);
    }
  }

  private void checkHost(final URI url) {
    Optional<String> refusal = fileHosts.refusal(url);
    if (refusal.isPresent()) {
      log.warn("{} refuses to fetch a file: {}", repository, refusal.get());
      throw new BypassHttpErrorException(502, "Refused by the proxy: " + refusal.get(), ArrayListMultimap.create());
    }
  }

  private HttpClientContext context() {
    HttpClientContext context = HttpClientContext.create();
    context.setCredentialsProvider(new OriginCredentials(remoteUrl, credentials));
    return context;
  }

  /**
   * The parameter, unlike a request configuration, keeps the client's own settings (timeouts, authentication
   * schemes) for everything else.
   */
  @SuppressWarnings("deprecation")
  private static void withoutRedirects(final HttpRequestBase request) {
    request.getParams().setBooleanParameter(ClientPNames.HANDLE_REDIRECTS, false);
  }

  private static Optional<URI> redirect(final URI from, final HttpResponse response) throws IOException {
    Header location = response.getFirstHeader(HttpHeaders.LOCATION);
    if (!REDIRECTS.contains(response.getStatusLine().getStatusCode()) || location == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(from.resolve(new URI(location.getValue().strip())));
    }
    catch (URISyntaxException e) {
      HttpClientUtils.closeQuietly(response);
      throw new IOException("Upstream redirects " + from + " to a malformed location: " + e.getMessage(), e);
    }
  }

  private static HttpRequestBase nextHop(final HttpRequestBase first, final URI location) {
    HttpRequestBase next = HttpMethods.HEAD.equals(first.getMethod()) ? new HttpHead(location) : new HttpGet(location);
    next.setHeaders(first.getAllHeaders());
    return next;
  }
}
