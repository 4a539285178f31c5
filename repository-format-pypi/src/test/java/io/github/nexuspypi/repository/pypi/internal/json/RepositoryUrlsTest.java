package io.github.nexuspypi.repository.pypi.internal.json;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RepositoryUrlsTest
{
  private final RepositoryUrls urls = new RepositoryUrls("https://nexus.example/repository/pypi-all");

  @Test
  void aProjectsPageIsItsSimplePageWithTheTrailingSlash() {
    assertEquals("https://nexus.example/repository/pypi-all/simple/foo-bar/", urls.project("foo-bar"));
  }

  @Test
  void aReleasesPageIsItsOwnJsonDocument() {
    assertEquals("https://nexus.example/repository/pypi-all/pypi/foo-bar/1.0.post1/json",
        urls.release("foo-bar", "1.0.post1"));
  }
}
