package io.github.nexuspypi.it.bench;

import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.dists.LargeWheel;
import io.github.nexuspypi.it.dists.SdistBuilder;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.python.ClientConfigFiles;
import io.github.nexuspypi.it.python.IsolatedEnvironment;
import io.github.nexuspypi.it.python.PythonClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Our hosted repository against Nexus's own raw format in the same Nexus, serving the same bytes: wheels (a real
 * one and a 20 MiB one), and a 30-release project page in HTML and JSON against a raw file of exactly the page's
 * bytes, which is what a page costs when nothing is rebuilt per request. Targets: wheels at 0.95 of raw, pages at
 * 0.8. A missed target is recorded, not failed; wrong statuses or bytes fail.
 */
@NexusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostedVsRawBenchmark
{
  private static final Path DEBIAN_WHEEL = Path.of("/usr/share/python-wheels/setuptools-66.1.1-py3-none-any.whl");

  private static final long SYNTHETIC_WHEEL_BYTES = 20L << 20;

  private static final int PAGE_RELEASES = 30;

  private static final String PAGE_PROJECT = "benchpage";

  private static final double WHEEL_TARGET = 0.95;

  private static final double PAGE_TARGET = 0.8;

  private static final BenchmarkSettings SETTINGS = BenchmarkSettings.fromSystemProperties();

  private static final List<Comparison> WHEELS = new ArrayList<>();

  private static final List<Comparison> PAGES = new ArrayList<>();

  private static Nexus nexus;

  private static PythonClients python;

  private static String pypi;

  private static String raw;

  private static IsolatedEnvironment uploader;

  private static HttpLoad load;

  private static BenchmarkRecord record;

  private static Path debianWheel;

  private static Path syntheticWheel;

  @BeforeAll
  static void repositoriesAndUploads() throws IOException {
    record = BenchmarkRecord.start(nexus.installation().runningProcess().orElseThrow());
    // Both sides on the same security path: anonymous reads.
    nexus.admin().setAnonymousAccess(true);
    pypi = nexus.uniqueName("pypi-bench");
    raw = nexus.uniqueName("raw-bench");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", pypi, "allow_once"));
    nexus.admin().createRepository(RepositoryDefinition.hosted("raw", raw, "allow"));
    load = new HttpLoad(record.server());
    uploadEverything();
  }

  /** All uploads come first, so that no measurement shares Nexus with the work an upload sets off. */
  private static void uploadEverything() throws IOException {
    uploader = python.environment("benchmark-uploads");
    uploader.write(".pypirc", ClientConfigFiles.pypirc("bench", nexus.repositoryUri(pypi), "admin",
        nexus.adminPassword()));
    Path dist = Files.createDirectories(uploader.home().resolve("dist"));
    debianWheel = Files.copy(DEBIAN_WHEEL, dist.resolve(DEBIAN_WHEEL.getFileName()));
    syntheticWheel = LargeWheel.write(dist, "benchwheel", "1.0", SYNTHETIC_WHEEL_BYTES, 20);
    for (int i = 1; i <= PAGE_RELEASES; i++) {
      WheelBuilder.of(PAGE_PROJECT, "1." + i).writeTo(dist);
      SdistBuilder.of(PAGE_PROJECT, "1." + i).writeTo(dist);
    }
    List<String> arguments = new ArrayList<>(List.of("upload", "--disable-progress-bar", "--repository", "bench"));
    try (Stream<Path> files = Files.list(dist)) {
      files.map(Path::toString).sorted().forEach(arguments::add);
    }
    uploader.run(python.twine(), arguments.toArray(String[]::new)).requireSuccess();
    for (Path wheel : List.of(debianWheel, syntheticWheel)) {
      String rawPath = rawWheelPath(wheel);
      assertEquals(201, nexus.http().put(rawPath, wheel).statusCode(), rawPath);
    }
  }

  @Test
  @Order(1)
  void wheelDownloads() throws IOException {
    compareWheel(debianWheel, "setuptools");
    compareWheel(syntheticWheel, "benchwheel");
  }

  @Test
  @Order(2)
  void projectPages() {
    comparePage(IndexPages.HTML, "index.html");
    comparePage(IndexPages.JSON, "index.json");
  }

  @AfterAll
  static void recordResults() {
    if (WHEELS.isEmpty() || PAGES.isEmpty()) {
      System.out.println("Not all comparisons ran; " + SETTINGS.report() + " keeps its earlier results");
      return;
    }
    ComparisonReport report = new ComparisonReport("pypi", "raw");
    List<Comparison> all = new ArrayList<>(WHEELS);
    all.addAll(PAGES);
    String markdown = record.header("Hosted pypi against raw: same bytes, same Nexus", SETTINGS.describe())
        + "\n" + report.targets(List.of(
            new ComparisonReport.Target("wheel download", WHEEL_TARGET, WHEELS),
            new ComparisonReport.Target("project page against a raw file of its size", PAGE_TARGET, PAGES)))
        + "\nEvery round:\n\n" + report.rounds(all);
    System.out.println(markdown);
    MarkdownSection.write(SETTINGS.report(), "hosted-vs-raw", markdown);
  }

  private static void compareWheel(final Path wheel, final String project) throws IOException {
    byte[] bytes = Files.readAllBytes(wheel);
    String filename = wheel.getFileName().toString();
    URI fromPypi = new IndexPages(nexus.anonymous(), pypi).fileUri(project, filename);
    URI fromRaw = nexus.anonymous().resolve(rawWheelPath(wheel));
    compare(filename + " (" + mebibytes(bytes.length) + ")", get(fromPypi, "*/*"), get(fromRaw, "*/*"), bytes,
        WHEELS);
  }

  private static void comparePage(final String accept, final String rawName) {
    IndexPages index = new IndexPages(nexus.anonymous(), pypi);
    ProjectPage parsed = index.page(PAGE_PROJECT, accept);
    assertEquals(2 * PAGE_RELEASES, parsed.files().size(), parsed::toString);
    HttpRequest pageRequest = get(index.projectUri(PAGE_PROJECT), accept);
    byte[] page = nexus.anonymous().send(pageRequest, HttpResponse.BodyHandlers.ofByteArray()).body();
    String rawPath = "repository/" + raw + "/simple/" + PAGE_PROJECT + "/" + rawName;
    assertEquals(201, nexus.http().put(rawPath, page).statusCode(), rawPath);
    compare("page " + accept + " (" + page.length / 1024 + " KiB, " + PAGE_RELEASES + " releases)",
        pageRequest, get(nexus.anonymous().resolve(rawPath), accept), page, PAGES);
  }

  /** Checks that both sides serve exactly {@code bytes}, then measures them against each other. */
  private static void compare(final String scenario, final HttpRequest candidate, final HttpRequest baseline,
                              final byte[] bytes, final List<Comparison> into)
  {
    for (HttpRequest request : List.of(candidate, baseline)) {
      HttpResponse<byte[]> response = nexus.anonymous().send(request, HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, response.statusCode(), request::toString);
      assertArrayEquals(bytes, response.body(), () -> request + " serves other bytes");
      // Compiles the code paths of this request on both sides before any round counts.
      load.run(request, bytes.length, 1, SETTINGS.warmUp(), SETTINGS.warmUp());
    }
    for (int connections : SETTINGS.connections()) {
      into.add(Comparison.measure(scenario, connections, SETTINGS.rounds(),
          () -> load.run(candidate, bytes.length, connections, SETTINGS.warmUp(), SETTINGS.measured()),
          () -> load.run(baseline, bytes.length, connections, SETTINGS.warmUp(), SETTINGS.measured())));
    }
  }

  private static String rawWheelPath(final Path wheel) {
    return "repository/" + raw + "/packages/" + wheel.getFileName();
  }

  private static HttpRequest get(final URI uri, final String accept) {
    return HttpRequest.newBuilder(uri).header("Accept", accept).timeout(Duration.ofMinutes(1)).GET().build();
  }

  private static String mebibytes(final long bytes) {
    return bytes >= 1 << 20 ? String.format("%.1f MiB", bytes / 1048576.0) : bytes / 1024 + " KiB";
  }
}
