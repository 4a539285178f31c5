package io.github.nexuspypi.it.hosted;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.CountedBlobStore;
import io.github.nexuspypi.it.nexus.Eventually;
import io.github.nexuspypi.it.nexus.NexusHttp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Keep the newest releases" of a hosted repository, run through our REST call and as a scheduled Nexus task: which
 * releases go (PEP 440 order, pre-releases, downloads, a project's last release), that a dry run deletes nothing,
 * and that the hosted and group pages show the deletions in the very next request.
 */
@NexusTest
class RetentionIT
{
  private static final String RETENTION = "service/rest/v1/pypi/%s/retention";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Nexus nexus;

  @TempDir
  static Path files;

  @Test
  void aDryRunListsWhatWouldGoAndDeletesNothing() throws IOException {
    HostedReleases repository = HostedReleases.create(nexus, "pypi-retain-dry", files)
        .publish("dry-demo", "1.0", "1.1", "2.0b1", "2.0", "2.1rc1");
    Set<String> before = repository.versions("dry-demo");

    JsonNode report = run(repository, "{\"keepFinalReleases\": 2, \"days\": 0, \"dryRun\": true}");

    assertTrue(report.get("dryRun").asBoolean());
    assertEquals(Set.of("1.0", "2.0b1"), versions(report.get("deleted")));
    assertEquals(before, repository.versions("dry-demo"));
    assertEquals(200, repository.wheelStatus("dry-demo", "1.0"));
    assertEquals(report, latest(repository), "the latest report, read again");
  }

  @Test
  void keepsTheNewestFinalReleasesByVersionAndPreReleasesNewerThanThem() throws IOException {
    // 1.5 is uploaded last, yet 2.0 is the newest release: PEP 440 orders, not dates.
    HostedReleases repository = HostedReleases.create(nexus, "pypi-retain-keep", files)
        .publish("keep-demo", "1.0", "1.5rc1", "2.0", "2.1.dev1", "3.0a1", "1.5");
    // The group's merged page is cached now, and must change with the hosted one.
    assertEquals(Set.of("1.0", "1.5rc1", "1.5", "2.0", "2.1.dev1", "3.0a1"), repository.versions("keep-demo"));

    JsonNode report = run(repository, "{\"keepFinalReleases\": 2, \"days\": 0}");

    assertFalse(report.get("dryRun").asBoolean());
    assertEquals(Set.of("1.0", "1.5rc1"), versions(report.get("deleted")));
    assertEquals(Set.of("1.5", "2.0", "2.1.dev1", "3.0a1"), repository.versions("keep-demo"));
    assertEquals(404, repository.wheelStatus("keep-demo", "1.0"));
    assertEquals(404, repository.wheelStatus("keep-demo", "1.5rc1"));
    assertEquals(200, repository.wheelStatus("keep-demo", "1.5"));
    assertTrue(nexus.admin().components(repository.name()).stream()
        .noneMatch(release -> Set.of("1.0", "1.5rc1").contains(release.get("version").asText())));
  }

  @Test
  void preReleasesOlderThanTheNewestFinalStayForTheGivenDays() throws IOException {
    HostedReleases repository = HostedReleases.create(nexus, "pypi-retain-days", files)
        .publish("days-demo", "1.0rc1", "1.0", "1.1.dev3", "0.9");

    JsonNode kept = run(repository, "{\"keepFinalReleases\": 1, \"days\": 3650}");
    assertEquals(Set.of("0.9"), versions(kept.get("deleted")));
    assertEquals(Set.of("1.0rc1", "1.0", "1.1.dev3"), repository.versions("days-demo"));

    JsonNode dropped = run(repository, "{\"keepFinalReleases\": 1, \"days\": 0}");
    assertEquals(Set.of("1.0rc1"), versions(dropped.get("deleted")));
    assertEquals(Set.of("1.0", "1.1.dev3"), repository.versions("days-demo"));
  }

  @Test
  void aReleaseDownloadedWithinTheDaysStays() throws IOException {
    HostedReleases repository = HostedReleases.create(nexus, "pypi-retain-download", files)
        .publish("download-demo", "1.0", "2.0", "3.0");
    assertEquals(200, repository.wheelStatus("download-demo", "1.0"));
    Eventually.poll(() -> lastDownloaded(repository, "/packages/download-demo/1.0/"), found -> !found.isEmpty());
    assertFalse(lastDownloaded(repository, "/packages/download-demo/1.0/").isEmpty(), "Nexus marks the download");

    JsonNode report = run(repository, "{\"keepFinalReleases\": 1, \"days\": 30}");
    assertEquals(Set.of("2.0"), versions(report.get("deleted")));
    assertEquals(Set.of("1.0", "3.0"), repository.versions("download-demo"));

    // With no days, a download protects nothing.
    assertEquals(Set.of("1.0"), versions(run(repository, "{\"keepFinalReleases\": 1, \"days\": 0}").get("deleted")));
    assertEquals(Set.of("3.0"), repository.versions("download-demo"));
  }

  @Test
  void aProjectKeepsItsLastReleaseUnlessToldOtherwise() throws IOException {
    HostedReleases repository = HostedReleases.create(nexus, "pypi-retain-last", files)
        .publish("last-demo", "1.0", "2.0").publish("other-demo", "1.0");

    JsonNode kept = run(repository,
        "{\"keepFinalReleases\": 0, \"days\": 0, \"projectPattern\": \"last-.*\"}");
    assertEquals(Set.of("1.0"), versions(kept.get("deleted")));
    assertEquals(1, kept.get("projects").asInt(), "only the projects the pattern matches");
    assertEquals(Set.of("2.0"), repository.versions("last-demo"));

    run(repository, "{\"keepFinalReleases\": 0, \"days\": 0, \"projectPattern\": \"last-.*\","
        + " \"deleteLastRelease\": true}");
    assertEquals(404, repository.pages().status("last-demo"));
    assertEquals(404, repository.groupPages().status("last-demo"));
    assertEquals(List.of("other-demo"), repository.pages().projects());
    assertEquals(Set.of("1.0"), repository.versions("other-demo"));
  }

  @Test
  void theScheduledTaskListsADryRunInItsLogThenDeletesAndItsReportIsReadThroughRest() throws IOException {
    HostedReleases repository = HostedReleases.create(nexus, "pypi-retain-task", files)
        .publish("task-demo", "1.0", "2.0", "3.0");
    String dryRun = repository.name() + " dry run";
    nexus.admin().createManualTask("pypi.retention", dryRun, Map.of("repositoryName", repository.name(),
        "keepFinalReleases", "2", "days", "0", "dryRun", "true"));

    nexus.admin().runTask("pypi.retention", dryRun);

    assertEquals(Set.of("1.0", "2.0", "3.0"), repository.versions("task-demo"));
    assertTrue(latest(repository).get("dryRun").asBoolean());
    assertTrue(taskLogs().stream().anyMatch(log -> log.contains("Name: " + dryRun)
            && log.contains("Would delete task-demo 1.0: older than the 2 newest final releases")),
        "a task log lists what the dry run would delete");

    String deleting = repository.name() + " retention";
    nexus.admin().createManualTask("pypi.retention", deleting, Map.of("repositoryName", repository.name(),
        "keepFinalReleases", "2", "days", "0"));
    nexus.admin().runTask("pypi.retention", deleting);

    assertEquals(Set.of("2.0", "3.0"), repository.versions("task-demo"));
    JsonNode report = latest(repository);
    assertFalse(report.get("dryRun").asBoolean());
    assertEquals(Set.of("1.0"), versions(report.get("deleted")));
  }

  @Test
  void deletedReleasesBlobsAreReclaimedByNexusCleanupAndCompactTasks() throws IOException {
    CountedBlobStore blobs = CountedBlobStore.create(nexus.admin(), nexus.installation(),
        nexus.uniqueName("blobs-retain"));
    HostedReleases repository = HostedReleases.create(nexus, "pypi-retain-compact", files, blobs.name())
        .publish("compact-demo", "1.0", "2.0");
    // Each release: its wheel and the wheel's metadata.
    blobs.assertBlobCount(4);

    run(repository, "{\"keepFinalReleases\": 1, \"days\": 0}");

    assertEquals(Set.of("2.0"), repository.versions("compact-demo"));
    // Nexus 3.71 frees a deleted asset's blob in the background, as for a delete in the UI: "Cleanup unused asset
    // blobs" soft-deletes it (the harness lets it take blobs less than an hour old), "Compact blob store" removes it.
    blobs.assertBlobCount(4);
    nexus.admin().runTask("assetBlob.cleanup", "Cleanup unused pypi blobs from nexus");
    blobs.assertBlobCount(4);
    String compact = blobs.name() + " compact";
    nexus.admin().createManualTask("blobstore.compact", compact, Map.of("blobstoreName", blobs.name()));
    nexus.admin().runTask("blobstore.compact", compact);
    blobs.assertBlobCount(2);
    assertEquals(200, repository.wheelStatus("compact-demo", "2.0"));
  }

  @Test
  void retentionNeedsTheDeletePrivilege() {
    HostedReleases repository = HostedReleases.create(nexus, "pypi-retain-denied", files)
        .publish("denied-demo", "1.0", "2.0");
    NexusHttp http = repository.user("retain-editor", "read", "browse", "add", "edit");

    HttpResponse<String> refused = post(http, repository, "{\"keepFinalReleases\": 1, \"days\": 0}");
    assertEquals(403, refused.statusCode(), refused::body);
    assertTrue(refused.body().contains("'delete' privilege"), refused.body());
    assertEquals(403, http.get(String.format(RETENTION, repository.name())).statusCode());
    assertEquals(Set.of("1.0", "2.0"), repository.versions("denied-demo"));

    NexusHttp.expect(post(repository.user("retain-deleter", "read", "browse", "delete"), repository,
        "{\"keepFinalReleases\": 1, \"days\": 0}"), 200);
    assertEquals(Set.of("2.0"), repository.versions("denied-demo"));
  }

  @Test
  void badOptionsAreRefusedWithAReason() {
    HostedReleases repository = HostedReleases.create(nexus, "pypi-retain-bad", files).publish("bad-demo", "1.0",
        "2.0");
    for (String options : List.of("{}", "{\"days\": 1}", "{\"keepFinalReleases\": -1, \"days\": 1}",
        "{\"keepFinalReleases\": 1, \"days\": -1}",
        "{\"keepFinalReleases\": 1, \"days\": 1, \"projectPattern\": \"(\"}")) {
      HttpResponse<String> answer = post(nexus.http(), repository, options);
      assertEquals(400, answer.statusCode(), options + ": " + answer.body());
      assertFalse(answer.body().isBlank(), options);
    }
    assertEquals(404, nexus.http().json("POST", String.format(RETENTION, nexus.uniqueName("no-such-repository")),
        "{\"keepFinalReleases\": 1, \"days\": 0}").statusCode());
    assertEquals(Set.of("1.0", "2.0"), repository.versions("bad-demo"));
  }

  private static JsonNode run(final HostedReleases repository, final String options) throws IOException {
    return JSON.readTree(NexusHttp.expect(post(nexus.http(), repository, options), 200).body());
  }

  private static HttpResponse<String> post(final NexusHttp http, final HostedReleases repository,
                                           final String options)
  {
    return http.json("POST", String.format(RETENTION, repository.name()), options);
  }

  private static JsonNode latest(final HostedReleases repository) throws IOException {
    return JSON.readTree(NexusHttp.expect(nexus.http().get(String.format(RETENTION, repository.name())), 200)
        .body());
  }

  private static List<String> taskLogs() throws IOException {
    List<String> logs = new ArrayList<>();
    try (Stream<Path> files = Files.list(nexus.installation().dataDir().resolve("log/tasks"))) {
      for (Path log : files.filter(file -> file.getFileName().toString().startsWith("pypi.retention-")).toList()) {
        logs.add(Files.readString(log));
      }
    }
    return logs;
  }

  private static Set<String> versions(final JsonNode entries) {
    Set<String> versions = new TreeSet<>();
    entries.forEach(entry -> versions.add(entry.get("version").asText()));
    return versions;
  }

  private static List<String> lastDownloaded(final HostedReleases repository, final String prefix) {
    List<String> downloaded = new ArrayList<>();
    nexus.admin().assets(repository.name()).stream()
        .filter(asset -> asset.get("path").asText().startsWith(prefix))
        .filter(asset -> !asset.path("lastDownloaded").isNull() && asset.has("lastDownloaded"))
        .forEach(asset -> downloaded.add(asset.get("path").asText()));
    return downloaded;
  }
}
