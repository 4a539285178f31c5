package io.github.nexuspypi.jenkins.publish;

import java.time.Duration;

/** Published files as the engine makes them, for tests outside its package. */
public final class TestPublishedFiles
{
  private TestPublishedFiles() {
  }

  public static PublishedFile uploaded(final String filename, final String url) {
    return new PublishedFile(filename, "demo", "1.0", 1234, Duration.ofMillis(420), PublishedFile.Outcome.UPLOADED,
        url);
  }
}
