package io.github.nexuspypi.it.bench;

import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A hosted project's page against its size: 10, 100, 1 000 and 10 000 files in one project, filled by 16
 * concurrent twine-like clients. At each size: the first request after a change (an upload), timed alone in each
 * format, and the cached page under load, plain and conditional. The first request must cost a linear amount per
 * file; a cache hit must not depend on the number of files beyond the bytes it sends.
 */
@NexusTest
class ProjectPageGrowthBenchmark
{
  private static final List<Integer> SIZES = BenchmarkSettings.integers("benchmark.growth.files", "10,100,1000,10000");

  private static final int FILL_CLIENTS = 16;

  private static final int ROUNDS = 3;

  private static final int CONNECTIONS = 4;

  private static final String PROJECT = "growthpage";

  private Nexus nexus;

  @TempDir
  Path wheels;

  /** Ten wheels per release, told apart by their Python tag, so that the releases grow with the files too. */
  private static WheelBuilder wheel(final int index) {
    return WheelBuilder.of(PROJECT, "1." + index / 10).tag("py3" + index % 10 + "-none-any");
  }

  private record AtSize(int files, long jsonBytes, long htmlBytes, double fillFilesPerSecond, double firstJson,
                        double firstHtml, double firstJsonCpu, double firstHtmlCpu, LoadResult cachedJson,
                        LoadResult cachedHtml, Optional<LoadResult> conditional)
  {
  }

  @Test
  void aPagesCostAgainstItsNumberOfFiles() {
    ProcessHandle server = nexus.installation().runningProcess().orElseThrow();
    BenchmarkRecord record = BenchmarkRecord.start(server);
    BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
    nexus.admin().setAnonymousAccess(true);
    String repository = nexus.uniqueName("pypi-growth-page");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repository, "allow_once"));
    ConcurrentUploads uploads = new ConcurrentUploads(nexus.http(), repository, wheels, server);
    PageProbe probe = new PageProbe(nexus.anonymous(), server, settings, CONNECTIONS);
    String path = "repository/" + repository + "/simple/" + PROJECT + "/";

    List<AtSize> results = new ArrayList<>();
    int stored = 0;
    for (int size : SIZES) {
      ConcurrentUploads.Run fill = uploads.send(FILL_CLIENTS, ProjectPageGrowthBenchmark::wheel, stored,
          size - ROUNDS);
      stored = size - ROUNDS;
      List<Double> json = new ArrayList<>();
      List<Double> html = new ArrayList<>();
      List<Double> jsonCpu = new ArrayList<>();
      List<Double> htmlCpu = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        uploads.send(1, ProjectPageGrowthBenchmark::wheel, stored, ++stored);
        TimedRequest firstJson = probe.once(path, IndexPages.JSON);
        TimedRequest firstHtml = probe.once(path, IndexPages.HTML);
        json.add(firstJson.wallMillis());
        jsonCpu.add(firstJson.serverCpuMillis());
        html.add(firstHtml.wallMillis());
        htmlCpu.add(firstHtml.serverCpuMillis());
      }
      assertEquals(size, new IndexPages(nexus.anonymous(), repository).json(PROJECT).files().size(),
          "files on the page");
      results.add(new AtSize(size, probe.once(path, IndexPages.JSON).bytes(),
          probe.once(path, IndexPages.HTML).bytes(), fill.files() == 0 ? Double.NaN : fill.filesPerSecond(),
          median(json), median(html), median(jsonCpu), median(htmlCpu), probe.cached(path, IndexPages.JSON),
          probe.cached(path, IndexPages.HTML), probe.conditional(path, IndexPages.JSON)));
    }
    report(record, settings, results);
  }

  private static void report(final BenchmarkRecord record, final BenchmarkSettings settings,
                             final List<AtSize> results)
  {
    List<Integer> files = results.stream().map(AtSize::files).toList();
    Curve firstJson = Curve.of("first, JSON", files, results.stream().map(AtSize::firstJson).toList());
    Curve firstHtml = Curve.of("first, HTML", files, results.stream().map(AtSize::firstHtml).toList());
    Curve cachedJson = Curve.of("cached, JSON", files,
        results.stream().map(r -> r.cachedJson().serverCpuMillisPerRequest()).toList());
    Curve cachedHtml = Curve.of("cached, HTML", files,
        results.stream().map(r -> r.cachedHtml().serverCpuMillisPerRequest()).toList());
    Optional<Curve> conditional = results.stream().allMatch(r -> r.conditional().isPresent())
        ? Optional.of(Curve.of("conditional (304)", files,
            results.stream().map(r -> r.conditional().orElseThrow().serverCpuMillisPerRequest()).toList()))
        : Optional.empty();

    MarkdownTable table = new MarkdownTable("files", "page JSON / HTML", "fill (16 clients)",
        "first JSON: ms (Nexus CPU ms)", "first HTML: ms (Nexus CPU ms)", "first JSON ms per 1 000 files",
        "cached JSON: req/s, MiB/s, Nexus CPU ms/req", "cached HTML: req/s, MiB/s, Nexus CPU ms/req",
        "conditional JSON (304): req/s, Nexus CPU ms/req");
    for (AtSize r : results) {
      table.row(r.files(), kib(r.jsonBytes()) + " / " + kib(r.htmlBytes()),
          Double.isNaN(r.fillFilesPerSecond()) ? "—" : f(r.fillFilesPerSecond(), 1) + " files/s",
          f(r.firstJson(), 1) + " (" + f(r.firstJsonCpu(), 1) + ")",
          f(r.firstHtml(), 1) + " (" + f(r.firstHtmlCpu(), 1) + ")",
          f(r.firstJson() / (r.files() / 1000.0), 1),
          load(r.cachedJson()), load(r.cachedHtml()),
          r.conditional().map(c -> f(c.requestsPerSecond(), 0) + ", " + f(c.serverCpuMillisPerRequest(), 2))
              .orElse("no 304"));
    }
    StringBuilder shape = new StringBuilder();
    if (results.size() >= 3) {
      shape.append("\nShape: the first request's time per file added between the two largest sizes is ")
          .append(f(firstJson.lastSlopeRatio(), 2)).append(" (JSON) and ").append(f(firstHtml.lastSlopeRatio(), 2))
          .append(" (HTML) times what it was between the two before (about 1: linear; about 10: quadratic). ")
          .append("Least-squares line of the first JSON request: ")
          .append(f(firstJson.fit().slope() * 1000, 1)).append(" ms per 1 000 files + ")
          .append(f(firstJson.fit().intercept(), 1)).append(" ms, R² ").append(f(firstJson.fit().rSquared(), 3))
          .append(". Cached, Nexus CPU per request from the smallest to the largest page: ")
          .append(f(cachedJson.spread(), 1)).append("× (JSON), ").append(f(cachedHtml.spread(), 1))
          .append("× (HTML)").append(conditional.map(c -> ", conditional " + f(c.spread(), 1) + "×").orElse(""))
          .append(".\n");
    }

    SvgChart cached = new SvgChart("Cache hits", "files in the project", "Nexus CPU ms per request", true)
        .add(cachedJson).add(cachedHtml);
    conditional.ifPresent(cached::add);
    String charts = new SvgChart("First request after an upload", "files in the project", "ms", false)
        .add(firstJson).add(firstHtml)
        .writeBeside(settings.report(), "growth-project-page-first.svg")
        + cached.writeBeside(settings.report(), "growth-project-page-cached.svg");

    String markdown = record.header("A project page against its number of files",
        "one hosted project filled with tiny generated wheels (10 per release) by " + FILL_CLIENTS
            + " concurrent twine-like clients (multipart POSTs); at each size, " + ROUNDS + " rounds of one more "
            + "upload, then the page asked once as JSON and once as HTML (each a miss: the upload outdated both), "
            + "median of the rounds; then the cached page under a closed-loop load of " + CONNECTIONS
            + " connections, " + settings.warmUp().toSeconds() + " s warm-up and " + settings.measured().toSeconds()
            + " s measured, plain and with If-Modified-Since; all anonymous")
        + "\n" + table + shape + "\n" + charts;
    System.out.println(markdown);
    MarkdownSection.write(settings.report(), "growth-project-page", markdown);
  }

  private static String load(final LoadResult result) {
    return f(result.requestsPerSecond(), 0) + ", " + f(result.mebibytesPerSecond(), 1) + ", "
        + f(result.serverCpuMillisPerRequest(), 2);
  }

  static double median(final List<Double> values) {
    return Median.of(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  static String f(final double value, final int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  static String kib(final long bytes) {
    return bytes >= 1 << 20 ? f(bytes / 1048576.0, 1) + " MiB" : f(bytes / 1024.0, 1) + " KiB";
  }
}
