package io.github.nexuspypi.repository.pypi.internal.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.nexuspypi.repository.pypi.SourceDetails;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImportReportsTest
{
  @TempDir
  Path folder;

  private ImportReports reports() {
    return new ImportReports(folder.resolve("pypi-import"));
  }

  private static ImportSummary running() {
    ImportSummary summary = new ImportSummary("hosted", "/src", Instant.parse("2026-01-01T00:00:00Z"));
    SourceFile file = new SourceFile("demo-1.0.tar.gz", "demo", "/src/demo-1.0.tar.gz", null, SourceDetails.NONE);
    summary.listed(List.of(file));
    summary.done(new ImportedFile(file, ImportOutcome.REFUSED, "bad archive", 0));
    return summary;
  }

  @Test
  @SuppressWarnings("unchecked")
  void aSummaryIsReadBackAsWrittenWhileItsTaskRuns() throws IOException {
    reports().write("task-1", running().toMap());

    Map<String, Object> read = reports().read("task-1", true).orElseThrow();

    assertEquals("running", read.get("state"));
    assertEquals(1, read.get("refused"));
    assertEquals("bad archive", ((List<Map<String, Object>>) read.get("problems")).get(0).get("reason"));
    try (Stream<Path> left = Files.list(folder.resolve("pypi-import"))) {
      assertEquals(List.of("task-1.json"),
          left.map(path -> path.getFileName().toString()).collect(Collectors.toList()));
    }
  }

  @Test
  void aRunUnderWayWhoseTaskIsNotRunningWasInterrupted() throws IOException {
    reports().write("task-1", running().toMap());

    Map<String, Object> read = reports().read("task-1", false).orElseThrow();

    assertEquals("interrupted", read.get("state"));
  }

  @Test
  void anEndedRunStaysAsItEnded() throws IOException {
    ImportSummary summary = running();
    summary.finish(ImportSummary.State.DONE, null, Instant.parse("2026-01-01T00:01:00Z"));
    reports().write("task-1", summary.toMap());

    assertEquals("done", reports().read("task-1", false).orElseThrow().get("state"));
  }

  @Test
  void anUnknownOrMalformedTaskIdHasNoSummary() throws IOException {
    assertEquals(Optional.empty(), reports().read("task-2", false));
    assertEquals(Optional.empty(), reports().read("../../etc/passwd", false));
  }
}
