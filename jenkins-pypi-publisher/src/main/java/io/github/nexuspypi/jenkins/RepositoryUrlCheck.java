package io.github.nexuspypi.jenkins;

import java.util.Optional;

import hudson.util.FormValidation;
import io.github.nexuspypi.jenkins.publish.PublishSettings;
import io.github.nexuspypi.jenkins.publish.Text;

/**
 * The repository URL fields' validation: a URL the engine accepts, and not a repository's index instead of its
 * upload address.
 */
final class RepositoryUrlCheck
{
  private RepositoryUrlCheck() {
  }

  static FormValidation check(final String value) {
    Optional<String> error = error(value);
    if (error.isPresent()) {
      return FormValidation.error(error.get());
    }
    String url = value.strip();
    if (url.contains("/simple")) {
      return FormValidation.warning("This looks like the repository's index; uploads go to its root, e.g. "
          + url.substring(0, url.indexOf("/simple") + 1));
    }
    return FormValidation.ok();
  }

  /** What makes the URL unusable, if anything. */
  static Optional<String> error(final String value) {
    String url = Text.trimmedOrNull(value);
    if (url == null) {
      return Optional.of("A repository URL is required, e.g. https://nexus/repository/pypi-hosted/");
    }
    try {
      PublishSettings.to(url);
      return Optional.empty();
    }
    catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }
}
