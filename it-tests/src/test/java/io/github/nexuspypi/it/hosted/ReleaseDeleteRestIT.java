package io.github.nexuspypi.it.hosted;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.NexusHttp;
import io.github.nexuspypi.it.nexus.RepositoryUser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deleting a release or a whole project of a hosted repository in PyPI terms through our REST call: any spelling of
 * the name, any PEP 440 spelling of the version, the pages of the repository and of its group changed at once, and
 * nothing deleted without the {@code delete} privilege.
 */
@NexusTest
class ReleaseDeleteRestIT
{
  private static final String PROJECT = "/service/rest/v1/pypi/%s/projects/%s";

  private static final String RELEASE = PROJECT + "/releases/%s";

  private static Nexus nexus;

  @TempDir
  static Path files;

  @Test
  void aReleaseIsDeletedByAnySpellingOfItsVersion() {
    HostedReleases repository = HostedReleases.create(nexus, "pypi-delete-release", files)
        .publish("spelled-demo", "1.0.0", "2.0");
    assertEquals(Set.of("1.0.0", "2.0"), repository.versions("spelled-demo"));

    // "Spelled.Demo" is spelled-demo, and "1.0" the release stored as 1.0.0.
    NexusHttp.expect(delete(nexus.http(), String.format(RELEASE, repository.name(), "Spelled.Demo", "1.0")), 204);

    assertEquals(Set.of("2.0"), repository.versions("spelled-demo"));
    assertEquals(404, repository.wheelStatus("spelled-demo", "1.0.0"));
    assertEquals(200, repository.wheelStatus("spelled-demo", "2.0"));
    assertEquals(404, delete(nexus.http(), String.format(RELEASE, repository.name(), "spelled-demo", "1.0"))
        .statusCode(), "a release deleted is gone");
  }

  @Test
  void aProjectIsDeletedWithEveryRelease() {
    HostedReleases repository = HostedReleases.create(nexus, "pypi-delete-project", files)
        .publish("gone-demo", "1.0", "2.0rc1", "2.0").publish("stays-demo", "1.0");
    assertEquals(List.of("gone-demo", "stays-demo"), repository.groupPages().projects());

    NexusHttp.expect(delete(nexus.http(), String.format(PROJECT, repository.name(), "Gone_Demo")), 204);

    assertEquals(404, repository.pages().status("gone-demo"));
    assertEquals(404, repository.groupPages().status("gone-demo"));
    assertEquals(List.of("stays-demo"), repository.pages().projects());
    assertEquals(List.of("stays-demo"), repository.groupPages().projects());
    assertTrue(nexus.admin().assetPaths(repository.name()).stream().noneMatch(path -> path.contains("gone")));
    assertEquals(404, delete(nexus.http(), String.format(PROJECT, repository.name(), "gone-demo")).statusCode());
  }

  @Test
  void unknownReleasesProjectsAndRepositoriesAreNotFound() {
    HostedReleases repository = HostedReleases.create(nexus, "pypi-delete-unknown", files)
        .publish("known-demo", "1.0");

    assertEquals(404, delete(nexus.http(), String.format(RELEASE, repository.name(), "known-demo", "9.9"))
        .statusCode());
    assertEquals(404, delete(nexus.http(), String.format(RELEASE, repository.name(), "known-demo", "not%20a%20version"))
        .statusCode());
    assertEquals(404, delete(nexus.http(), String.format(PROJECT, repository.name(), "unknown-demo")).statusCode());
    assertEquals(404, delete(nexus.http(), String.format(PROJECT, nexus.uniqueName("no-such"), "known-demo"))
        .statusCode());
    assertEquals(Set.of("1.0"), repository.versions("known-demo"));
  }

  @Test
  void deletingNeedsTheDeletePrivilegeAndWhoLacksItLearnsNothing() {
    HostedReleases repository = HostedReleases.create(nexus, "pypi-delete-denied", files)
        .publish("guarded-demo", "1.0", "2.0");
    NexusHttp http = repository.user("delete-editor", "read", "browse", "add", "edit");
    String missing = nexus.uniqueName("no-such-repository");

    List<HttpResponse<String>> answers = List.of(
        delete(http, String.format(RELEASE, repository.name(), "guarded-demo", "1.0")),
        delete(http, String.format(RELEASE, repository.name(), "guarded-demo", "9.9")),
        delete(http, String.format(PROJECT, repository.name(), "guarded-demo")),
        delete(http, String.format(PROJECT, missing, "guarded-demo")));

    for (HttpResponse<String> answer : answers) {
      assertEquals(403, answer.statusCode(), answer::body);
      assertTrue(answer.body().contains("'delete' privilege"), answer.body());
      assertFalse(answer.body().contains("No release") || answer.body().contains("No project"), answer.body());
    }
    assertEquals(403, delete(nexus.anonymous(), String.format(PROJECT, repository.name(), "guarded-demo"))
        .statusCode());
    assertEquals(Set.of("1.0", "2.0"), repository.versions("guarded-demo"));

    NexusHttp deleter = repository.user("delete-deleter", "read", "browse", "delete");
    NexusHttp.expect(delete(deleter, String.format(RELEASE, repository.name(), "guarded-demo", "1.0")), 204);
    assertEquals(Set.of("2.0"), repository.versions("guarded-demo"));
  }

  @Test
  void aContentSelectorLimitsWhichProjectsMayBeDeleted() {
    HostedReleases repository = HostedReleases.create(nexus, "pypi-delete-selector", files)
        .publish("team-a-demo", "1.0").publish("team-b-demo", "1.0");
    RepositoryUser teamA = RepositoryUser.createWithContentSelector(nexus.admin(), nexus.uniqueName("team-a"),
        "pypi", repository.name(), "path =^ \"/packages/team-a-\"", "READ", "DELETE");
    NexusHttp http = nexus.as(teamA.name(), teamA.password());

    assertEquals(403, delete(http, String.format(PROJECT, repository.name(), "team-b-demo")).statusCode());
    NexusHttp.expect(delete(http, String.format(PROJECT, repository.name(), "team-a-demo")), 204);

    assertEquals(List.of("team-b-demo"), repository.pages().projects());
  }

  private static HttpResponse<String> delete(final NexusHttp http, final String path) {
    return http.json("DELETE", path, null);
  }
}
