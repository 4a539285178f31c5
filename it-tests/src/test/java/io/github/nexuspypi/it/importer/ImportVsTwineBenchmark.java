package io.github.nexuspypi.it.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.filename.InvalidFilenameException;
import io.github.nexuspypi.core.metadata.CoreMetadata;
import io.github.nexuspypi.core.metadata.DistributionInspector;
import io.github.nexuspypi.core.metadata.InvalidDistributionException;
import io.github.nexuspypi.it.bench.BenchmarkRecord;
import io.github.nexuspypi.it.bench.BenchmarkSettings;
import io.github.nexuspypi.it.bench.MarkdownSection;
import io.github.nexuspypi.it.bench.MarkdownTable;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.process.ProcessResult;
import io.github.nexuspypi.it.python.IsolatedEnvironment;
import io.github.nexuspypi.it.python.PythonClients;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The import task against {@code twine upload} sending the same files one by one, each into an empty hosted
 * repository of the same Nexus. The files are real ones: the machine's local PEP 503 tree (the files of
 * {@code pip config get global.extra-index-url}), those up to {@code benchmark.import.maxFileBytes} (1 MiB unless
 * set) that Debian's twine can send (metadata up to 2.2), at most {@code benchmark.import.files} of them (2000
 * unless set). In each of {@code benchmark.import.rounds} rounds (2 unless set) the import runs first; twine then
 * sends exactly the files it imported, so that both sides store the same files. The first round runs while the JIT
 * of a freshly started Nexus still compiles the storage code both sides share, and it favoured whichever side came
 * second; the last round counts. Target: the import at least 5 times twine's files per second.
 */
@NexusTest
class ImportVsTwineBenchmark
{
  private static final List<Path> LOCAL_TREES = List.of(Path.of("/opt/pypi/files"), Path.of("/opt/pypi-more/files"));

  private static final long MAX_FILE_BYTES = Long.getLong("benchmark.import.maxFileBytes", 1L << 20);

  private static final int MAX_FILES = Integer.getInteger("benchmark.import.files", 2000);

  private static final int CONCURRENCY = Integer.getInteger("benchmark.import.concurrency", 4);

  private static final int ROUNDS = Math.max(1, Integer.getInteger("benchmark.import.rounds", 2));

  private static final double TARGET = 5.0;

  /**
   * How often the import's summary is read to see its end. The time measured is the summary's own, from its start
   * to its end, so reading it seldom only delays noticing the end; the Nexus CPU measured then also counts a
   * second or two of Nexus idling, which is against the import.
   */
  private static final Duration SUMMARY_INTERVAL = Duration.ofSeconds(2);

  private static final Set<String> TWINE_METADATA_VERSIONS = Set.of("1.0", "1.1", "1.2", "2.0", "2.1", "2.2");

  private static Nexus nexus;

  private static PythonClients python;

  @TempDir
  Path temp;

  @Test
  void theImportAgainstTwineOneByOne() throws IOException {
    BenchmarkRecord record = BenchmarkRecord.start(nexus.installation().runningProcess().orElseThrow());
    Path source = Files.createDirectories(temp.resolve("source"));
    long bytes = 0;
    for (Path file : localFiles()) {
      bytes += Files.size(Files.copy(file, source.resolve(file.getFileName())));
    }
    List<String> copied = names(source);
    assertFalse(copied.isEmpty(), "no file of the local trees " + LOCAL_TREES + " to measure with");

    MarkdownTable table = new MarkdownTable("round", "what", "files", "took", "files/s", "Nexus CPU per file");
    double ratio = 0;
    double cpuRatio = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      Side imported = importFolder(record.server(), source);
      List<String> sent = copied.stream().filter(name -> !imported.notTaken.contains(name))
          .collect(Collectors.toList());
      Side uploaded = twineUpload(record.server(), source, sent);
      imported.row(table, round, "import task",
          imported.files + " imported, " + imported.notTaken.size() + " refused");
      uploaded.row(table, round, "`twine upload`", uploaded.files + " uploaded");
      ratio = imported.rate() / uploaded.rate();
      cpuRatio = imported.cpuPerFileMillis() / uploaded.cpuPerFileMillis();
    }
    String markdown = record.header("Import against twine: the same real files into an empty hosted repository",
        copied.size() + " files (" + String.format(Locale.ROOT, "%.1f", bytes / 1048576.0) + " MiB) of the local "
            + "trees " + LOCAL_TREES + " up to " + MAX_FILE_BYTES + " bytes each with metadata up to 2.2 (what "
            + "Debian's twine 4.0.2 sends); " + ROUNDS + " rounds on one Nexus, each the import task (a folder "
            + "source, " + CONCURRENCY + " files at once) timed from its summary's start to its end (listing "
            + "included), then Debian's twine sending exactly the files it imported, one by one in one command, "
            + "timed whole, each into an empty hosted repository; Nexus CPU is the process's CPU time over each "
            + "side divided by its files. The first round finds a freshly started Nexus, whose compiler is still "
            + "busy with the code both sides run: the last round counts")
        + "\n" + table
        + "\nRatio import / twine in the last round: **" + String.format(Locale.ROOT, "%.1f", ratio)
        + "** (target at least " + TARGET + ": " + (ratio >= TARGET ? "PASS" : "**FAIL**") + "); Nexus CPU per file,"
        + " import / twine: " + String.format(Locale.ROOT, "%.2f", cpuRatio) + "\n";
    System.out.println(markdown);
    MarkdownSection.write(BenchmarkSettings.fromSystemProperties().report(), "import-vs-twine", markdown);
  }

  private static Side importFolder(final ProcessHandle server, final Path source) {
    String repository = nexus.uniqueName("pypi-bench-import");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repository, "allow_once"));
    ImportTasks tasks = new ImportTasks(nexus.http());
    Duration cpuBefore = cpu(server);
    JsonNode summary = tasks.awaitEnd(tasks.start(repository,
        Map.of("source", source.toString(), "concurrency", CONCURRENCY)), null, Duration.ofHours(1), SUMMARY_INTERVAL);
    Duration cpu = cpu(server).minus(cpuBefore);
    assertEquals("done", summary.path("state").asText(), summary.toString());
    Set<String> notTaken = new HashSet<>();
    summary.path("problems").forEach(problem -> notTaken.add(problem.path("file").asText()));
    return new Side(summary.path("imported").asInt(), Duration.between(Instant.parse(summary.path("started").asText()),
        Instant.parse(summary.path("finished").asText())), cpu, notTaken);
  }

  private static Side twineUpload(final ProcessHandle server, final Path source, final List<String> sent) {
    String repository = nexus.uniqueName("pypi-bench-twine");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repository, "allow_once"));
    IsolatedEnvironment env = python.environment("import-bench-twine");
    List<String> arguments = new ArrayList<>(List.of("upload", "--non-interactive", "--disable-progress-bar",
        "--repository-url", nexus.repositoryUri(repository).toString(), "-u", "admin", "-p", nexus.adminPassword()));
    sent.forEach(name -> arguments.add(source.resolve(name).toString()));
    Duration cpuBefore = cpu(server);
    ProcessResult twine = env.run(env.command(python.twine(), arguments.toArray(new String[0]))
        .withTimeout(Duration.ofHours(1)));
    Duration cpu = cpu(server).minus(cpuBefore);
    twine.requireSuccess();
    return new Side(sent.size(), twine.duration(), cpu, Set.of());
  }

  private static Duration cpu(final ProcessHandle server) {
    return server.info().totalCpuDuration().orElseThrow();
  }

  /** One side of a round: how many files it stored, in how long, for how much of Nexus's CPU. */
  private static final class Side
  {
    final int files;

    final Duration took;

    final Duration cpu;

    final Set<String> notTaken;

    Side(final int files, final Duration took, final Duration cpu, final Set<String> notTaken) {
      this.files = files;
      this.took = took;
      this.cpu = cpu;
      this.notTaken = notTaken;
    }

    double rate() {
      return files / seconds(took);
    }

    double cpuPerFileMillis() {
      return cpu.toMillis() / (double) Math.max(files, 1);
    }

    void row(final MarkdownTable table, final int round, final String what, final String files) {
      table.row(round, what, files, took.toMillis() + " ms", String.format(Locale.ROOT, "%.1f", rate()),
          String.format(Locale.ROOT, "%.0f ms", cpuPerFileMillis()));
    }
  }

  private static List<Path> localFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Path tree : LOCAL_TREES) {
      if (!Files.isDirectory(tree)) {
        continue;
      }
      try (Stream<Path> listed = Files.list(tree)) {
        for (Path file : (Iterable<Path>) listed.sorted()::iterator) {
          if (files.size() < MAX_FILES && Files.isRegularFile(file) && Files.size(file) <= MAX_FILE_BYTES
              && twineSends(file) && names.add(file.getFileName().toString())) {
            files.add(file);
          }
        }
      }
    }
    return files;
  }

  /**
   * Whether Debian's twine 4.0.2 sends the file: it refuses metadata newer than 2.2 (most wheels built today say
   * 2.4), and files it cannot read, before sending anything.
   */
  private static boolean twineSends(final Path file) {
    try {
      CoreMetadata metadata = new DistributionInspector()
          .inspect(file, DistributionFilename.parse(file.getFileName().toString())).metadata();
      return metadata.get("Metadata-Version").map(String::strip).filter(TWINE_METADATA_VERSIONS::contains)
          .isPresent();
    }
    catch (InvalidFilenameException | InvalidDistributionException | IOException e) {
      return false;
    }
  }

  private static List<String> names(final Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  private static double seconds(final Duration duration) {
    return Math.max(duration.toMillis(), 1) / 1000.0;
  }
}
