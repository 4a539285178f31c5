package io.github.nexuspypi.it.hosted;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.Eventually;
import io.github.nexuspypi.it.nexus.NexusHttp;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.nexus.RepositoryUser;
import io.github.nexuspypi.it.upload.LegacyUpload;
import io.github.nexuspypi.it.upload.LegacyUploadClient;
import io.github.nexuspypi.it.upload.UploadResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-team content selectors on a hosted repository, with the expression the admin guide gives: team A uploads,
 * reads and yanks its project {@code teama}; team B's project {@code teamb} is refused to it on every route, and no
 * answer it gets names team B's files.
 */
@NexusTest
class ContentSelectorIT
{
  static final String TEAM_A_EXPRESSION = "format == \"pypi\" and path =~ \"/(simple|packages|pypi)/teama(/.*)?\"";

  private static final String YANK_PATH = "service/rest/v1/pypi/%s/projects/%s/releases/%s/yank";

  private static final String TEAM_B_FILE = "teamb-1.0-py3-none-any.whl";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Nexus nexus;

  @TempDir
  static Path files;

  private static String repository;

  private static Path teamBWheel;

  private static RepositoryUser teamA;

  @BeforeAll
  static void createARepositoryWithBothTeamsProjectsAndTeamA() {
    repository = nexus.uniqueName("pypi-teams");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repository, "allow"));
    teamBWheel = WheelBuilder.of("teamb", "1.0").writeTo(files.resolve("b"));
    asAdmin(teamBWheel);
    asAdmin(WheelBuilder.of("teama", "0.9").writeTo(files.resolve("a")));
    teamA = RepositoryUser.createWithContentSelector(nexus.admin(), nexus.uniqueName("teama"), "pypi", repository,
        TEAM_A_EXPRESSION, "READ", "BROWSE", "ADD", "EDIT");
  }

  @Test
  void teamAPublishesReadsAndYanksItsProject() {
    UploadResponse uploaded = uploadAsTeamA(WheelBuilder.of("teama", "1.0").writeTo(files.resolve("a1")));
    assertEquals(200, uploaded.status(), uploaded::describe);

    String page = NexusHttp.expect(teamA().get(repo("simple/teama/")), 200).body();
    assertTrue(page.contains("teama-1.0-py3-none-any.whl"), page);
    NexusHttp.expect(teamA().get(repo("packages/teama/1.0/teama-1.0-py3-none-any.whl")), 200);
    NexusHttp.expect(teamA().get(repo("packages/teama/1.0/teama-1.0-py3-none-any.whl.metadata")), 200);
    NexusHttp.expect(teamA().get(repo("pypi/teama/json")), 200);

    NexusHttp.expect(teamA().json("PUT", String.format(YANK_PATH, repository, "teama", "1.0"), "{}"), 204);
    NexusHttp.expect(teamA().json("DELETE", String.format(YANK_PATH, repository, "teama", "1.0"), null), 204);
  }

  @Test
  void teamBsProjectIsForbiddenToTeamAOnEveryRoute() throws IOException {
    for (String route : List.of("simple/teamb/", "packages/teamb/1.0/" + TEAM_B_FILE,
        "packages/teamb/1.0/" + TEAM_B_FILE + ".metadata", "pypi/teamb/json", "pypi/teamb/1.0/json")) {
      assertEquals(403, teamA().get(repo(route)).statusCode(), route);
    }

    UploadResponse newRelease = uploadAsTeamA(WheelBuilder.of("teamb", "2.0").writeTo(files.resolve("b2")));
    // The same name and bytes as team B's file, then the same name with other bytes: neither may tell team A the file
    // exists (PyPI's duplicate answers are 200 and 400 "File already exists" with the stored hash).
    UploadResponse sameBytes = uploadAsTeamA(teamBWheel);
    UploadResponse otherBytes = uploadAsTeamA(WheelBuilder.of("teamb", "1.0").file("teamb/other.py", "x = 1\n")
        .writeTo(files.resolve("b-other")));
    for (UploadResponse refused : List.of(newRelease, sameBytes, otherBytes)) {
      assertEquals(403, refused.status(), refused::describe);
      assertFalse(refused.describe().contains("sha256"), refused::describe);
    }

    HttpResponse<String> existing = teamA().json("PUT", String.format(YANK_PATH, repository, "teamb", "1.0"), "{}");
    HttpResponse<String> missing = teamA().json("PUT", String.format(YANK_PATH, repository, "teamb", "9.9"), "{}");
    assertEquals(403, existing.statusCode(), existing::body);
    assertEquals(existing.body(), missing.body());

    assertEquals(Set.of("/packages/teamb/1.0/" + TEAM_B_FILE, "/packages/teamb/1.0/" + TEAM_B_FILE + ".metadata"),
        teamBPaths(nexus.admin().assetPaths(repository)));
    JsonNode warehouse = JSON.readTree(NexusHttp.expect(nexus.http().get(repo("pypi/teamb/json")), 200).body());
    assertFalse(warehouse.at("/releases/1.0/0/yanked").asBoolean());
  }

  @Test
  void noListingShowsTeamBsFilesToTeamA() {
    assertEquals(403, teamA().get(repo("simple/")).statusCode(), "the root page lists every project");

    Set<String> searched = Eventually.poll(() -> searchAsTeamA(), names -> names.contains("teama"));
    assertEquals(Set.of("teama"), searched);

    String browse = NexusHttp.expect(teamA().get("service/rest/repository/browse/" + repository + "/packages/"),
        200).body();
    assertTrue(browse.contains("teama"), browse);
    assertFalse(browse.contains("teamb"), browse);
  }

  private static Set<String> searchAsTeamA() {
    try {
      JsonNode page = JSON.readTree(NexusHttp.expect(teamA().get("service/rest/v1/search?repository=" + repository),
          200).body());
      Set<String> names = new TreeSet<>();
      page.get("items").forEach(item -> names.add(item.get("name").asText()));
      return names;
    }
    catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> teamBPaths(final List<String> paths) {
    Set<String> teamB = new TreeSet<>();
    paths.stream().filter(path -> path.startsWith("/packages/teamb/")).forEach(teamB::add);
    return teamB;
  }

  private static void asAdmin(final Path wheel) {
    UploadResponse uploaded = LegacyUploadClient.to(nexus.http(), repository).upload(LegacyUpload.of(wheel));
    assertEquals(200, uploaded.status(), uploaded::describe);
  }

  private static UploadResponse uploadAsTeamA(final Path wheel) {
    return LegacyUploadClient.to(teamA(), repository).upload(LegacyUpload.of(wheel));
  }

  private static NexusHttp teamA() {
    return nexus.as(teamA.name(), teamA.password());
  }

  private static String repo(final String route) {
    return "repository/" + repository + "/" + route;
  }
}
