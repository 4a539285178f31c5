package io.github.nexuspypi.jenkins;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import hudson.AbortException;
import io.github.nexuspypi.jenkins.publish.PublishedFile;

/**
 * What a publish on the agent brings back to the controller: the files it published, and the failure that stopped
 * it, if one did. Both come back together, because a publish that fails halfway has still published the files before.
 */
final class PublishReport
    implements Serializable
{
  private static final long serialVersionUID = 1L;

  private final ArrayList<PublishedFile> files;

  private final String failure;

  private PublishReport(final List<PublishedFile> files, final String failure) {
    this.files = new ArrayList<>(files);
    this.failure = failure;
  }

  static PublishReport published(final List<PublishedFile> files) {
    return new PublishReport(files, null);
  }

  /** @param failure the build log's sentence, the secret masked */
  static PublishReport failed(final List<PublishedFile> publishedBefore, final String failure) {
    return new PublishReport(publishedBefore, failure);
  }

  List<PublishedFile> files() {
    return List.copyOf(files);
  }

  /** Fails the build step with the failure's sentence, without a stack trace. */
  void throwIfFailed() throws AbortException {
    if (failure != null) {
      throw new AbortException(failure);
    }
  }
}
