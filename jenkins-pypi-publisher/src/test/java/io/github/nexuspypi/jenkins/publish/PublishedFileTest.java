package io.github.nexuspypi.jenkins.publish;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the build page shows of a published file, read through getters as Jelly reads it.
 */
class PublishedFileTest
{
  @Test
  void theBuildPageReadsEveryColumnThroughAGetter() {
    PublishedFile file = new PublishedFile("demo-1.0.tar.gz", "demo", "1.0", 12_595, Duration.ofMillis(400),
        PublishedFile.Outcome.UPLOADED, "https://nexus/repository/pypi-hosted/simple/demo/");

    assertEquals("demo-1.0.tar.gz", file.getFilename());
    assertEquals("https://nexus/repository/pypi-hosted/simple/demo/", file.getUrl());
    assertEquals("12.3 KiB", file.getDisplaySize());
    assertEquals("uploaded", file.getOutcomeDescription());
  }
}
