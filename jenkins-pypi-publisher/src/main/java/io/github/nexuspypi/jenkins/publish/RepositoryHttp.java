package io.github.nexuspypi.jenkins.publish;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

import io.github.nexuspypi.core.index.SimpleFormat;

/**
 * How the engine talks to a repository: the client, and requests carrying the settings' credentials.
 */
final class RepositoryHttp
{
  private RepositoryHttp() {
  }

  /**
   * HTTP/1.1: an upgrade to cleartext HTTP/2 on a request with a large body helps nobody, and some proxies between
   * Jenkins and the repository refuse it. No redirects: twine follows none with a file either.
   */
  static HttpClient client(final Duration connectTimeout) {
    return client(HttpClient.newBuilder(), connectTimeout);
  }

  /** The same, on top of a builder the host application prepared (its proxy, its executor). */
  static HttpClient client(final HttpClient.Builder base, final Duration connectTimeout) {
    return base.version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** A request to the repository as the settings' user, if they name one. */
  static HttpRequest.Builder request(final URI uri, final PublishSettings settings, final Duration timeout) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
    if (settings.credentials() != null) {
      request.header("Authorization", settings.credentials().basicAuthorization());
    }
    return request;
  }

  /** A GET of a simple index page, JSON first. */
  static HttpRequest page(final URI uri, final PublishSettings settings, final Duration timeout) {
    return request(uri, settings, timeout).header("Accept", SimpleFormat.CLIENT_ACCEPT).GET().build();
  }
}
