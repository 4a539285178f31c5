package io.github.nexuspypi.it.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.SimpleJsonParser;
import io.github.nexuspypi.core.index.Yank;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.upload.LegacyUpload;
import io.github.nexuspypi.it.upload.LegacyUploadClient;
import io.github.nexuspypi.it.upstream.FakeFile;
import io.github.nexuspypi.it.upstream.FakeIndex;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Importing into a hosted repository through {@code POST /service/rest/v1/pypi/imports}, from a folder and from
 * indexes shaped as pypiserver's, devpi's and our own proxy's: what the source says of each file is kept, the
 * upload's rules apply, a stored file is never overwritten, and running the task again continues it.
 */
@NexusTest
class ImportIT
{
  private static Nexus nexus;

  @TempDir
  Path temp;

  @Test
  void aNestedFolderIsImportedWithFileTimesAndABadFileIsRefusedAndASecondRunSkipsEverything() throws IOException {
    String repository = hosted("allow_once");
    Path nested = Files.createDirectories(temp.resolve("packages/d/de"));
    Path good = WheelBuilder.of("folder-demo", "1.0").writeTo(nested);
    Instant mtime = Instant.parse("2021-03-04T05:06:07Z");
    Files.setLastModifiedTime(good, FileTime.from(mtime));
    Files.write(temp.resolve("packages/broken_demo-1.0-py3-none-any.whl"), "not a zip".getBytes());
    Files.writeString(temp.resolve("packages/README.txt"), "not a distribution");

    JsonNode first = importAndWait(repository, temp.resolve("packages").toString(), "");
    assertEquals("done", first.path("state").asText(), first.toString());
    assertEquals(2, first.path("filesTotal").asInt(), first.toString());
    assertEquals(1, first.path("imported").asInt(), first.toString());
    assertEquals(1, first.path("refused").asInt(), first.toString());
    JsonNode problem = first.path("problems").path(0);
    assertEquals("broken_demo-1.0-py3-none-any.whl", problem.path("file").asText());
    assertTrue(problem.path("reason").asText().contains("broken_demo-1.0-py3-none-any.whl"), problem.toString());

    DistributionLink link = jsonPage(repository, "folder-demo").get(good.getFileName().toString());
    assertEquals(mtime, link.uploadTime(), "a folder's file keeps its modification time as upload time");
    assertArrayEquals(Files.readAllBytes(good), nexus.http().getBytes(link.url()).body());
    assertEquals(404, nexus.http().get("/repository/" + repository + "/simple/broken-demo/").statusCode());

    JsonNode second = runAgain(first.path("taskId").asText(), first);
    assertEquals(0, second.path("imported").asInt(), second.toString());
    assertEquals(1, second.path("skipped").asInt(), second.toString());
    assertEquals(1, second.path("refused").asInt(), second.toString());
  }

  @Test
  void aPypiserverShapedIndexKeepsYanksAndRequiresPythonAndNeverOverwritesOrTakesBadBytes() throws IOException {
    // Other bytes under a stored name are a conflict even where the write policy would let an upload replace them.
    String repository = hosted("allow");
    try (FakeIndex pypiserver = FakeIndex.start().htmlOnly(true)) {
      WheelBuilder yanked = WheelBuilder.of("server-demo", "1.0");
      pypiserver.project("server-demo").file(yanked.fileName(), yanked.toBytes()).yanked("broken build")
          .requiresPython(">=3.8");
      WheelBuilder current = WheelBuilder.of("server-demo", "2.0");
      pypiserver.project("server-demo").file(current.fileName(), current.toBytes());
      WheelBuilder taken = WheelBuilder.of("taken-demo", "1.0");
      pypiserver.project("taken-demo").file(taken.fileName(), taken.toBytes());
      WheelBuilder tampered = WheelBuilder.of("tampered-demo", "1.0");
      FakeFile tamperedFile = pypiserver.project("tampered-demo").file(tampered.fileName(), tampered.toBytes());
      pypiserver.filesHost().at(tamperedFile.path()).wrongSha256();

      Path local = WheelBuilder.of("taken-demo", "1.0").file("taken_demo/other.py", "x = 1\n").writeTo(temp);
      assertEquals(200, LegacyUploadClient.to(nexus.http(), repository).upload(LegacyUpload.of(local)).status());

      JsonNode summary = importAndWait(repository, pypiserver.simpleUri().toString(), "");
      assertEquals("done", summary.path("state").asText(), summary.toString());
      assertEquals(2, summary.path("imported").asInt(), summary.toString());
      assertEquals(1, summary.path("conflict").asInt(), summary.toString());
      assertEquals(1, summary.path("refused").asInt(), summary.toString());
      Map<String, JsonNode> problems = problemsByFile(summary);
      assertTrue(problems.get(taken.fileName()).path("reason").asText().startsWith("File already exists"),
          problems.toString());
      assertTrue(problems.get(tampered.fileName()).path("reason").asText().contains("digest"), problems.toString());

      Map<String, DistributionLink> page = jsonPage(repository, "server-demo");
      assertEquals(new Yank("broken build"), page.get(yanked.fileName()).yank());
      assertEquals(">=3.8", page.get(yanked.fileName()).requiresPython());
      assertNull(page.get(current.fileName()).yank());
      assertArrayEquals(Files.readAllBytes(local),
          nexus.http().getBytes(jsonPage(repository, "taken-demo").get(taken.fileName()).url()).body(),
          "the stored file is kept");
      assertEquals(404, nexus.http().get("/repository/" + repository + "/simple/tampered-demo/").statusCode());
    }
  }

  @Test
  void aDevpiShapedIndexKeepsUploadTimesAndOnlyTheNamedProjectsAreTaken() throws IOException {
    String repository = hosted("allow_once");
    try (FakeIndex devpi = FakeIndex.mountedAt("/alice/dev/+simple/")) {
      Instant uploaded = Instant.parse("2019-05-06T07:08:09.123456Z");
      WheelBuilder wanted = WheelBuilder.of("Devpi.Demo", "1.0");
      devpi.project("Devpi.Demo").file(wanted.fileName(), wanted.toBytes()).uploadTime(uploaded);
      WheelBuilder other = WheelBuilder.of("devpi-other", "1.0");
      devpi.project("devpi-other").file(other.fileName(), other.toBytes());

      JsonNode summary = importAndWait(repository, devpi.simpleUri().toString(), "devpi_demo");
      assertEquals("done", summary.path("state").asText(), summary.toString());
      assertEquals(1, summary.path("imported").asInt(), summary.toString());
      assertEquals(uploaded, jsonPage(repository, "devpi-demo").get(wanted.fileName()).uploadTime());
      assertEquals(404, nexus.http().get("/repository/" + repository + "/simple/devpi-other/").statusCode());
    }
  }

  @Test
  void ourOwnProxyIsASourceAndAFailedFileIsTakenWhenTheTaskRunsAgain() throws IOException {
    String repository = hosted("allow_once");
    try (FakeIndex upstream = FakeIndex.start()) {
      WheelBuilder one = WheelBuilder.of("proxied-demo", "1.0");
      upstream.project("proxied-demo").file(one.fileName(), one.toBytes());
      WheelBuilder two = WheelBuilder.of("proxied-demo", "2.0");
      FakeFile second = upstream.project("proxied-demo").file(two.fileName(), two.toBytes());
      String proxy = nexus.uniqueName("pypi-import-proxy");
      nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", proxy, upstream.uri().toString()));
      upstream.filesHost().at(second.path()).status(503);

      String source = nexus.repositoryUri(proxy).resolve("simple/").toString();
      JsonNode first = importAndWait(repository, source, "proxied-demo");
      assertEquals(1, first.path("imported").asInt(), first.toString());
      assertEquals(1, first.path("failed").asInt(), first.toString());

      upstream.filesHost().at(second.path()).clear();
      JsonNode again = runAgain(first.path("taskId").asText(), first);
      assertEquals("done", again.path("state").asText(), again.toString());
      assertEquals(1, again.path("imported").asInt(), again.toString());
      assertEquals(1, again.path("skipped").asInt(), again.toString());
      assertArrayEquals(two.toBytes(),
          nexus.http().getBytes(jsonPage(repository, "proxied-demo").get(two.fileName()).url()).body());
    }
  }

  @Test
  void aBadRequestNamesWhatIsWrong() {
    HttpResponse<String> noSuchFolder = nexus.http().json("POST", "/service/rest/v1/pypi/imports",
        "{\"repository\": \"" + hosted("allow_once") + "\", \"source\": \"/no/such/folder\"}");
    assertEquals(400, noSuchFolder.statusCode());
    assertTrue(noSuchFolder.body().contains("/no/such/folder"), noSuchFolder.body());
    assertEquals(400, nexus.http().json("POST", "/service/rest/v1/pypi/imports",
        "{\"repository\": \"no-such-repository\", \"source\": \"http://127.0.0.1:1/simple/\"}").statusCode());
    // With anonymous access on, Nexus's REST layer treats a request without credentials as the anonymous user.
    assertEquals(403, nexus.anonymous().json("POST", "/service/rest/v1/pypi/imports", "{}").statusCode());
  }

  private static String hosted(final String writePolicy) {
    String repository = nexus.uniqueName("pypi-import");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repository, writePolicy));
    return repository;
  }

  private static JsonNode importAndWait(final String repository, final String source, final String projects) {
    ImportTasks tasks = new ImportTasks(nexus.http());
    return tasks.awaitEnd(tasks.start(repository, Map.of("source", source, "projects", projects)), null);
  }

  private static JsonNode runAgain(final String taskId, final JsonNode before) {
    ImportTasks tasks = new ImportTasks(nexus.http());
    tasks.runAgain(taskId);
    return tasks.awaitEnd(taskId, before.path("started").asText());
  }

  private static Map<String, JsonNode> problemsByFile(final JsonNode summary) {
    Map<String, JsonNode> problems = new HashMap<>();
    summary.path("problems").forEach(problem -> problems.put(problem.path("file").asText(), problem));
    return problems;
  }

  private static Map<String, DistributionLink> jsonPage(final String repository, final String project)
      throws IOException
  {
    String path = "/repository/" + repository + "/simple/" + project + "/";
    HttpResponse<byte[]> page = nexus.http().send(nexus.http().request(path)
            .header("Accept", "application/vnd.pypi.simple.v1+json").GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, page.statusCode(), path);
    Map<String, DistributionLink> links = new HashMap<>();
    SimpleJsonParser.parseProject(new ByteArrayInputStream(page.body()), nexus.http().resolve(path))
        .files().forEach(link -> links.put(link.filename(), link));
    return links;
  }
}
