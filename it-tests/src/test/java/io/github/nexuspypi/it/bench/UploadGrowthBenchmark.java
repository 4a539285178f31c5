package io.github.nexuspypi.it.bench;

import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.github.nexuspypi.it.bench.ProjectPageGrowthBenchmark.f;

/**
 * Uploads into one hosted repository by 1, 4 and 16 concurrent twine-like clients (one multipart POST per file, as
 * twine sends them), each for the same window: files per second, and the Nexus CPU time per file. Each file is a
 * tiny generated wheel of a release of its own, in a few projects, so that the releases a file joins stay small.
 */
@NexusTest
class UploadGrowthBenchmark
{
  private static final List<Integer> CLIENTS = BenchmarkSettings.integers("benchmark.growth.clients", "1,4,16");

  private static final Duration WINDOW = Duration.ofSeconds(Integer.getInteger("benchmark.growth.upload.seconds", 20));

  private static final int PROJECTS = 50;

  private Nexus nexus;

  @TempDir
  Path wheels;

  private static WheelBuilder wheel(final int index) {
    return WheelBuilder.of("growth-upload-" + index % PROJECTS, "1." + index / PROJECTS);
  }

  @Test
  void filesPerSecondAgainstConcurrentClients() {
    ProcessHandle server = nexus.installation().runningProcess().orElseThrow();
    BenchmarkRecord record = BenchmarkRecord.start(server);
    BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
    String repository = nexus.uniqueName("pypi-growth-upload");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repository, "allow_once"));
    ConcurrentUploads uploads = new ConcurrentUploads(nexus.http(), repository, wheels, server);
    // Uploading is what compiles the code: not counted.
    int next = uploads.sendFor(4, UploadGrowthBenchmark::wheel, 0, Duration.ofSeconds(5)).files();
    List<ConcurrentUploads.Run> runs = new ArrayList<>();
    for (int clients : CLIENTS) {
      ConcurrentUploads.Run run = uploads.sendFor(clients, UploadGrowthBenchmark::wheel, next, WINDOW);
      next += run.files();
      runs.add(run);
    }
    nexus.admin().deleteRepository(repository);

    double single = runs.get(0).filesPerSecond();
    MarkdownTable table = new MarkdownTable("clients", "files stored", "files/s", "against " + CLIENTS.get(0)
        + " client(s)", "Nexus CPU ms per file");
    for (int i = 0; i < runs.size(); i++) {
      ConcurrentUploads.Run run = runs.get(i);
      table.row(CLIENTS.get(i), run.files(), f(run.filesPerSecond(), 1), f(run.filesPerSecond() / single, 2) + "×",
          f(run.serverCpuMillisPerFile(), 1));
    }
    Curve rate = Curve.of("files/s", CLIENTS, runs.stream().map(ConcurrentUploads.Run::filesPerSecond).toList());
    String markdown = record.header("Uploads against concurrent clients",
        "one hosted repository; tiny generated wheels (about 1 KiB, a release each, in " + PROJECTS + " projects) "
            + "sent as twine sends them, one multipart POST per file with its digests, by each number of clients "
            + "in turn for " + WINDOW.toSeconds() + " s (files under way at the end still count), after 5 s of "
            + "uploads not counted; Nexus's CPU time from the operating system")
        + "\n" + table + "\n" + new SvgChart("Uploads into one repository", "concurrent clients", "files per second",
            true).add(rate).writeBeside(settings.report(), "growth-uploads.svg");
    System.out.println(markdown);
    MarkdownSection.write(settings.report(), "growth-uploads", markdown);
  }
}
