package io.github.nexuspypi.it.bench;

import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.importer.ImportTasks;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.HeapUsage;
import io.github.nexuspypi.it.nexus.NexusLogExcerpt;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.upstream.FakeIndex;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.github.nexuspypi.it.bench.ProjectPageGrowthBenchmark.f;
import static io.github.nexuspypi.it.bench.ProjectPageGrowthBenchmark.kib;
import static io.github.nexuspypi.it.bench.ProjectPageGrowthBenchmark.median;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The root page {@code /simple/} against the number of projects it lists: a hosted repository filled with 1 000
 * and 10 000 projects of one tiny wheel each, and a proxy of the fake index whose generated root lists 100 000 and
 * 600 000 projects (pypi.org's size). The first request after a change and later ones, in both formats, with
 * Nexus's heap sampled meanwhile and read again after a full collection.
 */
@NexusTest
class RootGrowthBenchmark
{
  private static final List<Integer> HOSTED = BenchmarkSettings.integers("benchmark.growth.projects",
      "1000,10000,100000");

  // What Nexus does after a fill of 90 000 files takes both cores of this machine for about ten minutes.
  private static final Duration SETTLING_LIMIT = Duration.ofMinutes(40);

  private static final List<Integer> UPSTREAM = BenchmarkSettings.integers("benchmark.growth.upstreamProjects",
      "100000,600000");

  // The import task's workers: uploads by clients stored 30 to 50 files a second here, too slow for 100 000.
  private static final int FILL_WORKERS = 8;

  private static final Duration FILL_SUMMARY_INTERVAL = Duration.ofSeconds(5);

  private static final int ROUNDS = 3;

  private static final int CONNECTIONS = 4;

  private static final Duration HEAP_SAMPLE_INTERVAL = Duration.ofMillis(500);

  private Nexus nexus;

  @TempDir
  Path wheels;

  private static WheelBuilder wheel(final int index) {
    return WheelBuilder.of("growth-root-" + index, "1.0");
  }

  private record Row(String repository, int projects, long jsonBytes, long htmlBytes, double firstJson,
                     double firstHtml, String laterJson, String laterHtml, HeapUsage peak, HeapUsage live)
  {
  }

  @Test
  void theRootAgainstItsNumberOfProjects() {
    ProcessHandle server = nexus.installation().runningProcess().orElseThrow();
    BenchmarkRecord record = BenchmarkRecord.start(server);
    BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
    NexusLogExcerpt log = NexusLogExcerpt.startingNow(nexus.installation());
    nexus.admin().setAnonymousAccess(true);
    PageProbe probe = new PageProbe(nexus.anonymous(), server, settings, CONNECTIONS);
    List<Row> rows = new ArrayList<>();
    rows.addAll(hosted(server, probe));
    rows.addAll(proxied(server, probe));
    assertEquals(List.of(), log.linesWith("OutOfMemoryError"), "nexus.log");
    report(record, settings, rows);
  }

  private List<Row> hosted(final ProcessHandle server, final PageProbe probe) {
    String repository = nexus.uniqueName("pypi-growth-root");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repository, "allow_once"));
    ConcurrentUploads uploads = new ConcurrentUploads(nexus.http(), repository, wheels, server);
    String root = "repository/" + repository + "/simple/";
    List<Row> rows = new ArrayList<>();
    int stored = 0;
    for (int size : HOSTED) {
      importWheels(repository, stored, size - 2 * ROUNDS);
      stored = size - 2 * ROUNDS;
      System.out.println("root: Nexus settled " + ProcessSettling.await(server, SETTLING_LIMIT).toSeconds()
          + " s after the fill of " + size + " projects");
      List<Double> json = new ArrayList<>();
      List<Double> html = new ArrayList<>();
      HeapUsage peak;
      LoadResult cachedJson;
      LoadResult cachedHtml;
      try (HeapSampler heap = HeapSampler.start(nexus.admin()::heap, HEAP_SAMPLE_INTERVAL)) {
        // A miss writes both formats at once: each format's first request follows an upload of its own.
        for (int round = 0; round < ROUNDS; round++) {
          uploads.send(1, RootGrowthBenchmark::wheel, stored, ++stored);
          json.add(probe.once(root, IndexPages.JSON).wallMillis());
          uploads.send(1, RootGrowthBenchmark::wheel, stored, ++stored);
          html.add(probe.once(root, IndexPages.HTML).wallMillis());
        }
        cachedJson = probe.cached(root, IndexPages.JSON);
        cachedHtml = probe.cached(root, IndexPages.HTML);
        peak = heap.peak();
      }
      assertEquals(size, new IndexPages(nexus.anonymous(), repository).projects().size(), "projects on the root");
      rows.add(new Row("hosted", size, probe.once(root, IndexPages.JSON).bytes(),
          probe.once(root, IndexPages.HTML).bytes(), median(json), median(html), cached(cachedJson),
          cached(cachedHtml), peak, LiveHeap.of(server, nexus.admin()::heap)));
    }
    nexus.admin().deleteRepository(repository);
    return rows;
  }

  /** Fills the repository with the wheels {@code from} (inclusive) to {@code to} by the import task of a folder. */
  private void importWheels(final String repository, final int from, final int to) {
    Path folder = wheels.resolve("import-" + from);
    try {
      Files.createDirectories(folder);
      for (int index = from; index < to; index++) {
        wheel(index).writeTo(folder);
      }
      ImportTasks tasks = new ImportTasks(nexus.http());
      JsonNode summary = tasks.awaitEnd(tasks.start(repository,
              Map.of("source", folder.toString(), "concurrency", FILL_WORKERS)), null, Duration.ofHours(2),
          FILL_SUMMARY_INTERVAL);
      assertEquals("done", summary.path("state").asText(), summary.toString());
      assertEquals(to - from, summary.path("imported").asInt(), summary.toString());
      System.out.println("root: imported " + (to - from) + " projects from " + summary.path("started").asText()
          + " to " + summary.path("finished").asText());
      try (Stream<Path> written = Files.list(folder)) {
        for (Path file : (Iterable<Path>) written::iterator) {
          Files.delete(file);
        }
      }
    }
    catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Row> proxied(final ProcessHandle server, final PageProbe probe) {
    List<Row> rows = new ArrayList<>();
    try (FakeIndex upstream = FakeIndex.start()) {
      for (int size : UPSTREAM) {
        upstream.generatedRoot(size);
        // A proxy per size, so that each has a first request.
        String proxy = nexus.uniqueName("pypi-growth-root-proxy");
        nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", proxy, upstream.uri().toString()));
        String root = "repository/" + proxy + "/simple/";
        TimedRequest firstJson;
        TimedRequest firstHtml;
        List<Double> json = new ArrayList<>();
        List<Double> html = new ArrayList<>();
        HeapUsage peak;
        try (HeapSampler heap = HeapSampler.start(nexus.admin()::heap, HEAP_SAMPLE_INTERVAL)) {
          firstJson = probe.once(root, IndexPages.JSON);
          firstHtml = probe.once(root, IndexPages.HTML);
          for (int round = 0; round < ROUNDS; round++) {
            json.add(probe.once(root, IndexPages.JSON).wallMillis());
            html.add(probe.once(root, IndexPages.HTML).wallMillis());
          }
          peak = heap.peak();
        }
        rows.add(new Row("proxy", size, firstJson.bytes(), firstHtml.bytes(), firstJson.wallMillis(),
            firstHtml.wallMillis(), f(median(json), 0) + " ms", f(median(html), 0) + " ms", peak,
            LiveHeap.of(server, nexus.admin()::heap)));
        nexus.admin().deleteRepository(proxy);
      }
    }
    return rows;
  }

  private static String cached(final LoadResult load) {
    return f(load.requestsPerSecond(), 0) + " req/s, " + f(load.serverCpuMillisPerRequest(), 2) + " Nexus CPU ms/req";
  }

  private static void report(final BenchmarkRecord record, final BenchmarkSettings settings, final List<Row> rows) {
    MarkdownTable table = new MarkdownTable("repository", "projects", "root JSON / HTML", "first JSON",
        "first HTML", "later JSON", "later HTML", "Nexus heap used, largest sample", "Nexus heap after a full GC");
    for (Row row : rows) {
      table.row(row.repository(), row.projects(), kib(row.jsonBytes()) + " / " + kib(row.htmlBytes()),
          f(row.firstJson(), 0) + " ms", f(row.firstHtml(), 0) + " ms", row.laterJson(), row.laterHtml(),
          row.peak() == null ? "no sample" : mib(row.peak().used()), mib(row.live().used()));
    }
    SvgChart chart = new SvgChart("Root page, first request", "projects listed", "ms per 1 000 projects", true);
    for (String type : List.of("hosted", "proxy")) {
      List<Row> ofType = rows.stream().filter(row -> row.repository().equals(type)).toList();
      if (ofType.size() >= 2) {
        List<Integer> projects = ofType.stream().map(Row::projects).toList();
        chart.add(Curve.of(type + ", JSON", projects,
            ofType.stream().map(row -> row.firstJson() / (row.projects() / 1000.0)).toList()));
        chart.add(Curve.of(type + ", HTML", projects,
            ofType.stream().map(row -> row.firstHtml() / (row.projects() / 1000.0)).toList()));
      }
    }
    String markdown = record.header("The root page against its number of projects",
        "a hosted repository filled with projects of one tiny generated wheel each (about 1 KiB), written "
            + "into a folder and stored by the import task, " + FILL_WORKERS + " files at once, then Nexus left"
            + " until it used less than a tenth of a core for two 2 s windows in a row (its search and browse"
            + " indexing of what was stored)"
            + "; at each size " + ROUNDS + " rounds of one more project uploaded "
            + "then the root asked as JSON, and one more uploaded then the root asked as HTML (each a miss, which "
            + "writes the root in both formats onto disk), median shown; later requests: the "
            + "cached root under a closed-loop load of " + CONNECTIONS + " connections, "
            + settings.warmUp().toSeconds() + " s warm-up and " + settings.measured().toSeconds() + " s measured. "
            + "A proxy per size of the fake index, whose generated root lists that many projects: the first "
            + "request as JSON fetches and converts upstream's root (kept in both formats), then HTML; later "
            + "requests: the median of " + ROUNDS + " more of each. Nexus's heap read every "
            + HEAP_SAMPLE_INTERVAL.toMillis() + " ms meanwhile, and after a full collection (`jcmd <pid> GC.run`)"
            + " once the size was measured")
        + "\n" + table + "\n" + (chart.isEmpty() ? "" : chart.writeBeside(settings.report(), "growth-root.svg"));
    System.out.println(markdown);
    MarkdownSection.write(settings.report(), "growth-root", markdown);
  }

  private static String mib(final long bytes) {
    return f(bytes / 1048576.0, 0) + " MiB";
  }
}
