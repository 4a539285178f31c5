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
import io.github.nexuspypi.it.bench.ProcessSettling;
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
 * sends exactly the files it imported, so that both sides store the same files. Each side stores the files
 * {@code benchmark.import.passes} times (3 unless set), each time into an empty hosted repository: the local trees
 * hold only about 160 files small enough that twine 4.0.2 sends, a window of a second and a half for the import.
 * Nexus is left to settle before each side (its search and browse-tree work after storing files goes on for
 * seconds, and charged the side measured next with the other's work), and each side's CPU is also counted until
 * Nexus has settled after it: the work it left behind. The first round runs while the JIT of a freshly started
 * Nexus still compiles the storage code both sides share, and it favoured whichever side came second; the last
 * round counts. Target: the import at least 5 times twine's files per second.
 */
@NexusTest
class ImportVsTwineBenchmark
{
  private static final List<Path> LOCAL_TREES = List.of(Path.of("/opt/pypi/files"), Path.of("/opt/pypi-more/files"));

  private static final long MAX_FILE_BYTES = Long.getLong("benchmark.import.maxFileBytes", 1L << 20);

  private static final int MAX_FILES = Integer.getInteger("benchmark.import.files", 2000);

  private static final int CONCURRENCY = Integer.getInteger("benchmark.import.concurrency", 4);

  private static final int ROUNDS = Math.max(1, Integer.getInteger("benchmark.import.rounds", 2));

  private static final int PASSES = Math.max(1, Integer.getInteger("benchmark.import.passes", 3));

  private static final Duration SETTLING_LIMIT = Duration.ofMinutes(10);

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

    MarkdownTable table = new MarkdownTable("round", "what", "files", "took", "files/s", "Nexus CPU per file",
        "with the work left behind");
    double ratio = 0;
    double cpuRatio = 0;
    double settledCpuRatio = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      ProcessSettling.await(record.server(), SETTLING_LIMIT);
      Side imported = importFolder(record.server(), source);
      List<String> sent = copied.stream().filter(name -> !imported.notTaken.contains(name))
          .collect(Collectors.toList());
      Side uploaded = twineUpload(record.server(), source, sent);
      imported.row(table, round, "import task",
          imported.files + " imported in " + PASSES + " passes, " + imported.notTaken.size() + " refused");
      uploaded.row(table, round, "`twine upload`", uploaded.files + " uploaded in " + PASSES + " passes");
      ratio = imported.rate() / uploaded.rate();
      cpuRatio = imported.cpuPerFileMillis() / uploaded.cpuPerFileMillis();
      settledCpuRatio = imported.settledCpuPerFileMillis() / uploaded.settledCpuPerFileMillis();
    }
    String markdown = record.header("Import against twine: the same real files into an empty hosted repository",
        copied.size() + " files (" + String.format(Locale.ROOT, "%.1f", bytes / 1048576.0) + " MiB) of the local "
            + "trees " + LOCAL_TREES + " up to " + MAX_FILE_BYTES + " bytes each with metadata up to 2.2 (what "
            + "Debian's twine 4.0.2 sends; the trees hold no newer twine); " + ROUNDS + " rounds on one Nexus, each "
            + "the import task (a folder source, " + CONCURRENCY + " files at once) timed from its summary's start "
            + "to its end (listing included), then Debian's twine sending exactly the files it imported, one by one "
            + "in one command, timed whole; each side does this " + PASSES + " times, each time into an empty hosted "
            + "repository, and waits before it for Nexus to settle (less than a tenth of a core for two 2 s windows "
            + "in a row) so that neither pays for the search and browse-tree work the other left behind. Nexus CPU "
            + "is the process's CPU time over each side divided by its files, and again until Nexus settled after "
            + "it (the work the side left behind, and up to a tenth of a core of idling for 4 s). The first round "
            + "finds a freshly started Nexus, whose compiler is still busy with the code both sides run: the last "
            + "round counts")
        + "\n" + table
        + "\nRatio import / twine in the last round: **" + String.format(Locale.ROOT, "%.1f", ratio)
        + "** (target at least " + TARGET + ": " + (ratio >= TARGET ? "PASS" : "**FAIL**") + "); Nexus CPU per file,"
        + " import / twine: " + String.format(Locale.ROOT, "%.2f", cpuRatio) + ", with the work left behind: "
        + String.format(Locale.ROOT, "%.2f", settledCpuRatio) + "\n";
    System.out.println(markdown);
    MarkdownSection.write(BenchmarkSettings.fromSystemProperties().report(), "import-vs-twine", markdown);
  }

  /** The import of the folder into {@link #PASSES} empty repositories, one after the other. */
  private static Side importFolder(final ProcessHandle server, final Path source) {
    List<String> repositories = emptyRepositories("pypi-bench-import");
    ImportTasks tasks = new ImportTasks(nexus.http());
    int files = 0;
    Duration took = Duration.ZERO;
    Set<String> notTaken = new HashSet<>();
    Duration cpuBefore = cpu(server);
    for (String repository : repositories) {
      JsonNode summary = tasks.awaitEnd(tasks.start(repository,
              Map.of("source", source.toString(), "concurrency", CONCURRENCY)), null, Duration.ofHours(1),
          SUMMARY_INTERVAL);
      assertEquals("done", summary.path("state").asText(), summary.toString());
      summary.path("problems").forEach(problem -> notTaken.add(problem.path("file").asText()));
      files += summary.path("imported").asInt();
      took = took.plus(Duration.between(Instant.parse(summary.path("started").asText()),
          Instant.parse(summary.path("finished").asText())));
    }
    Duration cpu = cpu(server).minus(cpuBefore);
    ProcessSettling.await(server, SETTLING_LIMIT);
    return new Side(files, took, cpu, cpu(server).minus(cpuBefore), notTaken);
  }

  private static List<String> emptyRepositories(final String prefix) {
    List<String> repositories = new ArrayList<>();
    for (int pass = 0; pass < PASSES; pass++) {
      repositories.add(nexus.uniqueName(prefix));
      nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repositories.get(pass), "allow_once"));
    }
    return repositories;
  }

  /** One twine command per empty repository, {@link #PASSES} of them one after the other. */
  private static Side twineUpload(final ProcessHandle server, final Path source, final List<String> sent) {
    List<String> repositories = emptyRepositories("pypi-bench-twine");
    IsolatedEnvironment env = python.environment("import-bench-twine");
    Duration took = Duration.ZERO;
    Duration cpuBefore = cpu(server);
    for (String repository : repositories) {
      List<String> arguments = new ArrayList<>(List.of("upload", "--non-interactive", "--disable-progress-bar",
          "--repository-url", nexus.repositoryUri(repository).toString(), "-u", "admin", "-p",
          nexus.adminPassword()));
      sent.forEach(name -> arguments.add(source.resolve(name).toString()));
      ProcessResult twine = env.run(env.command(python.twine(), arguments.toArray(new String[0]))
          .withTimeout(Duration.ofHours(1)));
      twine.requireSuccess();
      took = took.plus(twine.duration());
    }
    Duration cpu = cpu(server).minus(cpuBefore);
    ProcessSettling.await(server, SETTLING_LIMIT);
    return new Side(sent.size() * PASSES, took, cpu, cpu(server).minus(cpuBefore), Set.of());
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

    final Duration settledCpu;

    final Set<String> notTaken;

    Side(final int files, final Duration took, final Duration cpu, final Duration settledCpu,
         final Set<String> notTaken)
    {
      this.files = files;
      this.took = took;
      this.cpu = cpu;
      this.settledCpu = settledCpu;
      this.notTaken = notTaken;
    }

    double rate() {
      return files / seconds(took);
    }

    double cpuPerFileMillis() {
      return cpu.toMillis() / (double) Math.max(files, 1);
    }

    double settledCpuPerFileMillis() {
      return settledCpu.toMillis() / (double) Math.max(files, 1);
    }

    void row(final MarkdownTable table, final int round, final String what, final String files) {
      table.row(round, what, files, took.toMillis() + " ms", String.format(Locale.ROOT, "%.1f", rate()),
          String.format(Locale.ROOT, "%.1f ms", cpuPerFileMillis()),
          String.format(Locale.ROOT, "%.1f ms", settledCpuPerFileMillis()));
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
