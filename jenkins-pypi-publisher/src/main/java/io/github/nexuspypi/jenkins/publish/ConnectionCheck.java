package io.github.nexuspypi.jenkins.publish;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What "Test connection" tells an administrator: whether the repository answers its simple index with the given
 * credentials. Uploading may still need more (in Nexus the {@code add} privilege); only an upload can tell.
 */
public final class ConnectionCheck
{
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final PublishSettings settings;

  private final HttpClient http;

  public ConnectionCheck(final PublishSettings settings) {
    this(settings, RepositoryHttp.client(TIMEOUT));
  }

  ConnectionCheck(final PublishSettings settings, final HttpClient http) {
    this.settings = settings;
    this.http = http;
  }

  /** @return a sentence for the administrator when the repository answered as a PyPI repository does */
  public String run() throws PublishException, InterruptedException {
    URI index = settings.repositoryUrl().resolve("simple/");
    int status;
    try {
      status = http.send(RepositoryHttp.page(index, settings, TIMEOUT), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    }
    catch (IOException e) {
      throw new PublishException("Cannot reach " + index + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
    }
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
}
