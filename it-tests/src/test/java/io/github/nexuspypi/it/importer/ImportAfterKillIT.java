package io.github.nexuspypi.it.importer;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.nexuspypi.it.dists.LargeWheel;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.Eventually;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.upstream.FakeFile;
import io.github.nexuspypi.it.upstream.FakeIndex;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Nexus killed ({@code kill -9}) in the middle of an import keeps every file it had committed, holds nothing of
 * the file it was receiving (its spool file is deleted at the next start), and running the task again completes the
 * import. The one test here kills the Nexus every test class shares, and waits until it is back.
 */
@NexusTest
class ImportAfterKillIT
{
  private static Nexus nexus;

  @TempDir
  Path temp;

  @Test
  void aKilledImportKeepsWhatItCommittedLeavesNoPartialFileAndTheNextRunCompletesIt() throws IOException {
    String repository = nexus.uniqueName("pypi-import-kill");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repository, "allow_once"));
    try (FakeIndex upstream = FakeIndex.start()) {
      List<WheelBuilder> small = List.of(WheelBuilder.of("crash-a", "1.0"), WheelBuilder.of("crash-b", "1.0"),
          WheelBuilder.of("crash-c", "1.0"));
      small.forEach(wheel -> upstream.project(project(wheel)).file(wheel.fileName(), wheel.toBytes()));
      // One file at a time, in name order: the large one comes last and arrives slowly enough to be killed in.
      Path large = LargeWheel.write(temp, "crash-z", "1.0", 8L * 1024 * 1024, 42);
      FakeFile slow = upstream.project("crash-z").file(large.getFileName().toString(), Files.readAllBytes(large));
      upstream.filesHost().at(slow.path()).trickle(16 * 1024, Duration.ofMillis(250));

      ImportTasks tasks = new ImportTasks(nexus.http());
      String taskId = tasks.start(repository,
          Map.of("source", upstream.simpleUri().toString(), "projects", "crash-*", "concurrency", 1));
      Path tmp = nexus.installation().dataDir().resolve("tmp");
      JsonNode before = Eventually.poll(() -> tasks.summary(taskId),
          node -> node != null && node.path("imported").asInt() == 3 && !spoolFiles(tmp).isEmpty());
      assertEquals(3, before.path("imported").asInt(), String.valueOf(before));
      assertEquals(1, spoolFiles(tmp).size(), "the large file is being received");

      nexus.killAndRestart();

      assertEquals("interrupted", tasks.summary(taskId).path("state").asText());
      assertEquals(List.of(), spoolFiles(tmp), "the start deletes what the killed import was receiving");
      for (WheelBuilder wheel : small) {
        assertEquals(200, nexus.http().get("/repository/" + repository + "/simple/" + project(wheel) + "/")
            .statusCode(), "what was committed before the kill is kept");
      }
      assertEquals(404, nexus.http().get("/repository/" + repository + "/simple/crash-z/").statusCode(),
          "nothing of the file being received is stored");

      upstream.filesHost().at(slow.path()).clear();
      tasks.runAgain(taskId);
      JsonNode after = tasks.awaitEnd(taskId, before.path("started").asText());
      assertEquals("done", after.path("state").asText(), String.valueOf(after));
      assertEquals(1, after.path("imported").asInt(), String.valueOf(after));
      assertEquals(3, after.path("skipped").asInt(), String.valueOf(after));
      HttpResponse<byte[]> file = nexus.http().getBytes("/repository/" + repository + "/packages/crash-z/1.0/"
          + large.getFileName());
      assertEquals(200, file.statusCode());
      assertArrayEquals(Files.readAllBytes(large), file.body());
    }
  }

  private static String project(final WheelBuilder wheel) {
    return wheel.metadata().get("Name");
  }

  private static List<Path> spoolFiles(final Path tmp) {
    try (Stream<Path> files = Files.list(tmp)) {
      return files.filter(file -> file.getFileName().toString().startsWith("pypi-import-"))
          .collect(Collectors.toList());
    }
    catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
