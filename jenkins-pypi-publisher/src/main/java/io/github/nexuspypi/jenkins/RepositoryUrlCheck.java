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
      return FormValidation.warning(
          Messages.RepositoryUrlCheck_LooksLikeIndex(url.substring(0, url.indexOf("/simple") + 1)));
    }
    return FormValidation.ok();
  }

  /** What makes the URL unusable, if anything. */
  static Optional<String> error(final String value) {
    String url = Text.trimmedOrNull(value);
    if (url == null) {
      return Optional.of(Messages.RepositoryUrlCheck_Required());
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
