package io.github.nexuspypi.jenkins.publish;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What "Test connection" tells an administrator: whether the repository answers its simple index with the given
 * credentials. Uploading may still need more (in Nexus the {@code add} privilege); only an upload can tell.
 * Warehouse's upload endpoints ({@code https://upload.pypi.org/legacy/}, {@code https://test.pypi.org/legacy/})
 * have no index below them, so for those only reaching the endpoint is checked.
 */
public final class ConnectionCheck
{
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final PublishSettings settings;

  private final HttpClient http;

  public ConnectionCheck(final PublishSettings settings) {
    this(settings, HttpClient.newBuilder());
  }

  /**
   * @param base the host application's client settings, e.g. Jenkins's proxy ({@code ProxyConfiguration}), under
   *             the engine's own
   */
  public ConnectionCheck(final PublishSettings settings, final HttpClient.Builder base) {
    this(settings, RepositoryHttp.client(base, TIMEOUT));
  }

  ConnectionCheck(final PublishSettings settings, final HttpClient http) {
    this.settings = settings;
    this.http = http;
  }

  /** @return a sentence for the administrator when the repository answered as a PyPI repository does */
  public String run() throws PublishException, InterruptedException {
    if (isUploadOnly(settings.repositoryUrl())) {
      return reachUploadEndpoint();
    }
    URI index = settings.repositoryUrl().resolve("simple/");
    int status = statusOf(RepositoryHttp.page(index, settings, TIMEOUT));
    switch (status) {
      case 200:
        return "Connected: " + index + " answers" + (settings.credentials() == null ? " anonymously"
            : " for '" + settings.credentials().username() + "'") + ". Uploading also needs the right to add.";
      case 401:
        throw new PublishException("401 from " + index + ": " + (settings.credentials() == null
            ? "the repository wants credentials." : "the credentials were refused."));
      case 403:
        throw new PublishException("403 from " + index + ": '" + (settings.credentials() == null ? "anonymous"
            : settings.credentials().username()) + "' may not read this repository.");
      case 404:
        throw new PublishException("404 from " + index + ": no PyPI repository there; give the repository's "
            + "root URL, e.g. https://nexus/repository/pypi-hosted/.");
      default:
        throw new PublishException(status + " from " + index + ".");
    }
  }

  /** Warehouse serves uploads at {@code /legacy/} and its index elsewhere, on another host for pypi.org. */
  static boolean isUploadOnly(final URI repositoryUrl) {
    return repositoryUrl.getPath() != null && repositoryUrl.getPath().endsWith("/legacy/");
  }

  /**
   * Any answer below 500 proves the endpoint (and the way to it) works; what it says to a GET proves nothing
   * about the credentials, since Warehouse checks them on upload only.
   */
  private String reachUploadEndpoint() throws PublishException, InterruptedException {
    URI endpoint = settings.repositoryUrl();
    int status = statusOf(RepositoryHttp.request(endpoint, settings, TIMEOUT).GET().build());
    if (status >= 500) {
      throw new PublishException(status + " from " + endpoint + ".");
    }
    return "Reached " + endpoint + " (HTTP " + status + "). It is an upload endpoint without an index, as PyPI's and "
        + "TestPyPI's /legacy/ are, so the credentials are only checked by the first upload.";
  }

  private int statusOf(final HttpRequest request) throws PublishException, InterruptedException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
    catch (IOException e) {
      throw new PublishException("Cannot reach " + request.uri() + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
    }
  }
}
