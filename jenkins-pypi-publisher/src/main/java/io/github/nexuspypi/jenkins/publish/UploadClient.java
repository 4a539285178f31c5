package io.github.nexuspypi.jenkins.publish;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

import io.github.nexuspypi.core.upload.PreparedUpload;

/**
 * Sends one file to the legacy upload API and reads the answer as twine does: 200 is success, 400 or 409 saying
 * "already exists" is a file that is there (skipped when asked to), a connection error or a 5xx is tried again after
 * a growing wait, and any other answer fails with the repository's own words and a hint.
 */
final class UploadClient
{
  // A large wheel on a slow link takes its time; a repository that says nothing for this long is gone.
  private static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(30);

  private final HttpClient http;

  private final PublishSettings settings;

  private final Sleeper sleeper;

  /** Waits between retries; a test's sleeper need not sleep. */
  interface Sleeper
  {
    void sleep(Duration duration) throws InterruptedException;
  }

  UploadClient(final HttpClient http, final PublishSettings settings, final Sleeper sleeper) {
    this.http = http;
    this.settings = settings;
    this.sleeper = sleeper;
  }

  /** @return true when uploaded, false when the repository already has the file and skipping was asked for */
  boolean upload(final PreparedUpload file, final PublishLog log) throws PublishException, InterruptedException {
    String name = file.filename().filename();
    Duration delay = settings.firstRetryDelay();
    for (int attempt = 0; ; attempt++) {
      String failure;
      try {
        HttpResponse<String> response = http.send(request(file), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status == 200 || status == 201) {
          return true;
        }
        String said = response.body() == null ? "" : response.body().strip();
        if ((status == 400 || status == 409) && said.toLowerCase(Locale.ROOT).contains("already exist")) {
          if (settings.skipExisting()) {
            return false;
          }
          throw new PublishException(name + ": the repository already has this file (" + status + " " + said
              + "). Publish a new version, or set skipExisting: true to treat files already there as published.");
        }
        if (status < 500) {
          throw new PublishException(name + ": " + explain(status, said, response.headers()
              .firstValue("Location").orElse(null)));
        }
        failure = status + " " + said;
      }
      catch (IOException e) {
        failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      }
      if (attempt >= settings.retries()) {
        throw new PublishException(name + ": the upload to " + settings.repositoryUrl() + " failed "
            + (attempt + 1) + " time(s), last with " + failure);
      }
      log.line("  " + name + ": " + failure + "; trying again in " + delay.toMillis() / 1000.0 + " s");
      sleeper.sleep(delay);
      delay = delay.multipliedBy(2);
    }
  }

  private HttpRequest request(final PreparedUpload file) throws IOException {
    MultipartForm form = MultipartForm.of(file.fields(), file.file());
    return RepositoryHttp.request(settings.repositoryUrl(), settings, RESPONSE_TIMEOUT)
        .header("Content-Type", form.contentType())
        .POST(form.body())
        .build();
  }

  private String explain(final int status, final String said, final String location) {
    URI url = settings.repositoryUrl();
    switch (status) {
      case 401:
        return "401 Unauthorized: " + url + " wants credentials"
            + (settings.credentials() == null ? "; give the step a credentialsId (or a server that has one)."
            : "; those given were refused: check the user name and password or token.") + detail(said);
      case 403:
        return "403 Forbidden: the user '" + (settings.credentials() == null ? "anonymous"
            : settings.credentials().username()) + "' may not upload to " + url + " (in Nexus it needs the "
            + "repository's 'add' privilege)." + detail(said);
      case 404:
      case 405:
        return status + ": " + url + " takes no uploads; use the URL of a hosted repository (in Nexus "
            + "https://<nexus>/repository/<hosted>/), not its /simple/ index or a proxy." + detail(said);
      default:
        if (status >= 300 && status < 400) {
          return status + ": " + url + " redirects to " + location + "; use that exact URL, as twine does not "
              + "follow redirects either.";
        }
        return status + " " + said;
    }
  }

  private static String detail(final String said) {
    return said.isEmpty() ? "" : " The repository said: " + said;
  }
}
