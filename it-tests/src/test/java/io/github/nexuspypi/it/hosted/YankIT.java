package io.github.nexuspypi.it.hosted;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.SimpleHtmlParser;
import io.github.nexuspypi.core.index.SimpleJsonParser;
import io.github.nexuspypi.core.index.Yank;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.NexusHttp;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.nexus.RepositoryUser;
import io.github.nexuspypi.it.python.IsolatedEnvironment;
import io.github.nexuspypi.it.python.PythonClients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PEP 592 yanking of a hosted release through the REST API: the pages and the JSON API mark it at once, pip skips it
 * unless pinned to it, and un-yanking brings it back.
 */
@NexusTest
class YankIT
{
  private static final String PROJECT = "yank-demo";

  private static final String YANK_PATH = "/service/rest/v1/pypi/%s/projects/%s/releases/%s/yank";

  private static Nexus nexus;

  private static PythonClients python;

  private static String repository;

  private static URI index;

  @BeforeAll
  static void publishTwoReleases() throws IOException {
    repository = nexus.uniqueName("pypi-yank");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repository, "allow_once"));
    index = nexus.repositoryUri(repository).resolve("simple/");
    IsolatedEnvironment env = python.environment("yank-publish");
    Path dist = Files.createDirectories(env.home().resolve("dist"));
    WheelBuilder.of(PROJECT, "1.0").writeTo(dist);
    WheelBuilder.of(PROJECT, "2.0").writeTo(dist);
    env.run(python.twine(), "upload", "--non-interactive", "--repository-url",
        nexus.repositoryUri(repository).toString(), "-u", "admin", "-p", nexus.adminPassword(),
        "dist/yank_demo-1.0-py3-none-any.whl", "dist/yank_demo-2.0-py3-none-any.whl").requireSuccess();
  }

  @Test
  void aYankedReleaseIsMarkedEverywhereAndPipSkipsItUnlessPinned() throws IOException {
    NexusHttp.expect(yank(nexus.http(), "2.0", "{\"reason\": \"broken build\"}"), 204);
    try {
      Map<String, DistributionLink> html = byFilename(htmlPage());
      assertEquals(new Yank("broken build"), html.get("yank_demo-2.0-py3-none-any.whl").yank());
      assertNull(html.get("yank_demo-1.0-py3-none-any.whl").yank());
      Map<String, DistributionLink> json = byFilename(jsonPage());
      assertEquals(new Yank("broken build"), json.get("yank_demo-2.0-py3-none-any.whl").yank());
      assertNull(json.get("yank_demo-1.0-py3-none-any.whl").yank());

      JsonNode warehouse = warehouseJson();
      assertEquals("1.0", warehouse.at("/info/version").asText(), "the latest release is the newest not yanked");
      assertTrue(warehouse.at("/releases/2.0/0/yanked").asBoolean());
      assertEquals("broken build", warehouse.at("/releases/2.0/0/yanked_reason").asText());

      // pip 24 reads the JSON page, pip 22.0 only HTML: both skip the yanked release unless it is pinned.
      for (String pythonVersion : List.of("3.13.0", "3.7.16")) {
        assertEquals("yank_demo-1.0-py3-none-any.whl", pipDownload(pythonVersion, PROJECT));
        assertEquals("yank_demo-2.0-py3-none-any.whl", pipDownload(pythonVersion, PROJECT + "==2.0"));
      }
    }
    finally {
      NexusHttp.expect(unyank(nexus.http(), "2.0"), 204);
    }
    assertNull(byFilename(htmlPage()).get("yank_demo-2.0-py3-none-any.whl").yank());
    assertNull(byFilename(jsonPage()).get("yank_demo-2.0-py3-none-any.whl").yank());
    assertEquals("yank_demo-2.0-py3-none-any.whl", pipDownload("3.13.0", PROJECT));
  }

  @Test
  void yankingNeedsTheEditPrivilege() throws IOException {
    String user = nexus.uniqueName("uploader");
    String role = nexus.uniqueName("uploader-role");
    nexus.admin().createRole(role, List.of("nx-repository-view-pypi-" + repository + "-read",
        "nx-repository-view-pypi-" + repository + "-add"), List.of());
    nexus.admin().createUser(user, "secret-" + user, List.of(role));

    assertEquals(403, yank(nexus.http().as(user, "secret-" + user), "1.0", "{}").statusCode());
    // With anonymous access on, Nexus's REST layer treats a request without credentials as the anonymous user.
    assertEquals(403, yank(nexus.anonymous(), "1.0", "{}").statusCode());

    assertNull(byFilename(htmlPage()).get("yank_demo-1.0-py3-none-any.whl").yank());
  }

  @Test
  void anUnknownReleaseOrRepositoryIsNotFound() {
    assertEquals(404, yank(nexus.http(), "9.9", "{}").statusCode());
    assertEquals(404, nexus.http().json("PUT", String.format(YANK_PATH, "no-such-repository", PROJECT, "1.0"), "{}")
        .statusCode());
  }

  @Test
  void aUserWhoCannotReadTheRepositoryGetsOneAnswerWhateverExists() throws IOException {
    String elsewhere = nexus.uniqueName("pypi-yank-elsewhere");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", elsewhere, "allow_once"));
    RepositoryUser stranger = RepositoryUser.create(nexus.admin(), nexus.uniqueName("yank-stranger"), "pypi",
        elsewhere, "read", "add", "edit");
    NexusHttp http = nexus.as(stranger.name(), stranger.password());
    String missingRepository = nexus.uniqueName("no-such-repository");

    List<HttpResponse<String>> answers = List.of(
        yank(http, "1.0", "{}"),
        yank(http, "9.9", "{}"),
        http.json("PUT", String.format(YANK_PATH, missingRepository, PROJECT, "1.0"), "{}"),
        unyank(http, "1.0"));

    for (HttpResponse<String> answer : answers) {
      assertEquals(403, answer.statusCode(), answer::body);
      String body = answer.body().replace(missingRepository, repository);
      assertEquals(answers.get(0).body(), body);
      assertFalse(body.contains("/packages/"), body);
    }
    assertNull(byFilename(htmlPage()).get("yank_demo-1.0-py3-none-any.whl").yank());
  }

  @Test
  void versionsAndNamesAreMatchedNormalised() throws IOException {
    // "Yank.Demo" is the project yank-demo, "1.0.0" the release 1.0.
    NexusHttp.expect(nexus.http().json("PUT", String.format(YANK_PATH, repository, "Yank.Demo", "1.0.0"),
        "{\"reason\": \"\"}"), 204);
    try {
      assertEquals(Yank.WITHOUT_REASON, byFilename(htmlPage()).get("yank_demo-1.0-py3-none-any.whl").yank());
    }
    finally {
      NexusHttp.expect(unyank(nexus.http(), "1.0"), 204);
    }
  }

  private static java.net.http.HttpResponse<String> yank(final NexusHttp http, final String version,
                                                         final String body)
  {
    return http.json("PUT", String.format(YANK_PATH, repository, PROJECT, version), body);
  }

  private static java.net.http.HttpResponse<String> unyank(final NexusHttp http, final String version) {
    return http.json("DELETE", String.format(YANK_PATH, repository, PROJECT, version), null);
  }

  private static ProjectPage htmlPage() throws IOException {
    URI page = index.resolve(PROJECT + "/");
    String body = NexusHttp.expect(nexus.anonymous().send(nexus.anonymous().request(page.getPath())
        .header("Accept", "text/html").build(), java.net.http.HttpResponse.BodyHandlers.ofString()), 200).body();
    return SimpleHtmlParser.parseProject(new StringReader(body), page);
  }

  private static ProjectPage jsonPage() throws IOException {
    URI page = index.resolve(PROJECT + "/");
    byte[] body = nexus.anonymous().send(nexus.anonymous().request(page.getPath())
        .header("Accept", "application/vnd.pypi.simple.v1+json").build(),
        java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
    return SimpleJsonParser.parseProject(new java.io.ByteArrayInputStream(body), page);
  }

  private static JsonNode warehouseJson() throws IOException {
    String body = NexusHttp.expect(nexus.anonymous().get("repository/" + repository + "/pypi/" + PROJECT + "/json"),
        200).body();
    return new ObjectMapper().readTree(body);
  }

  private static Map<String, DistributionLink> byFilename(final ProjectPage page) {
    return page.files().stream().collect(Collectors.toMap(DistributionLink::filename, Function.identity()));
  }

  /** What pip chose: the one file it downloaded. */
  private static String pipDownload(final String pythonVersion, final String requirement) throws IOException {
    IsolatedEnvironment env = python.environment("yank-pip-" + pythonVersion);
    env.run(python.pip(pythonVersion), "download", "--no-deps", "--index-url", index.toString(), "--dest",
        "downloads", requirement).requireSuccess();
    try (var files = Files.list(env.home().resolve("downloads"))) {
      List<String> names = files.map(file -> file.getFileName().toString()).collect(Collectors.toList());
      assertEquals(1, names.size(), names::toString);
      return names.get(0);
    }
  }
}
