package io.github.nexuspypi.it.bench;

import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
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
import java.util.ArrayList;
import java.util.List;

import static io.github.nexuspypi.it.bench.SameBytesComparisons.get;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Our hosted repository against Nexus's own raw format in the same Nexus, serving the same bytes: wheels (a real
 * one and a 20 MiB one), and a 30-release project page in HTML and JSON against a raw file of exactly the page's
 * bytes, which is what a page costs when nothing is rebuilt per request. Targets: wheels at 1.2 of raw, pages at
 * 0.8. A missed target is recorded, not failed; wrong statuses or bytes fail.
 */
@NexusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostedVsRawBenchmark
{
  private static final double WHEEL_TARGET = 1.2;

  private static final double PAGE_TARGET = 0.8;

  private static final BenchmarkSettings SETTINGS = BenchmarkSettings.fromSystemProperties();

  private static final List<Comparison> WHEELS = new ArrayList<>();

  private static final List<Comparison> PAGES = new ArrayList<>();

  private static Nexus nexus;

  private static PythonClients python;

  private static String pypi;

  private static String raw;

  private static BenchmarkRecord record;

  private static BenchmarkUploads uploads;

  private static SameBytesComparisons comparisons;

  @BeforeAll
  static void repositoriesAndUploads() throws IOException {
    record = BenchmarkRecord.start(nexus.installation().runningProcess().orElseThrow());
    // Both sides on the same security path: anonymous reads.
    nexus.admin().setAnonymousAccess(true);
    pypi = nexus.uniqueName("pypi-bench");
    raw = nexus.uniqueName("raw-bench");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", pypi, "allow_once"));
    nexus.admin().createRepository(RepositoryDefinition.hosted("raw", raw, "allow"));
    // wrk, as for the peers: the Java load took more than one of two cores to read 20 MiB bodies, leaving both
    // servers less than one and the ratio to the client.
    WrkLoad.requireWrk();
    comparisons = new SameBytesComparisons(nexus.anonymous(), WrkLoad.of(record.server(),
        Path.of("target/wrk").toAbsolutePath()), SETTINGS);
    // All uploads come first, so that no measurement shares Nexus with the work an upload sets off.
    uploads = BenchmarkUploads.uploadTo(nexus, python, pypi);
    for (Path wheel : uploads.wheels()) {
      String rawPath = rawWheelPath(wheel);
      assertEquals(201, nexus.http().put(rawPath, wheel).statusCode(), rawPath);
    }
  }

  @Test
  @Order(1)
  void wheelDownloads() throws IOException {
    for (Path wheel : uploads.wheels()) {
      URI fromPypi = new IndexPages(nexus.anonymous(), pypi).fileUri(BenchmarkUploads.projectOf(wheel),
          wheel.getFileName().toString());
      URI fromRaw = nexus.anonymous().resolve(rawWheelPath(wheel));
      WHEELS.addAll(comparisons.measure(BenchmarkUploads.scenario(wheel), get(fromPypi, "*/*"), get(fromRaw, "*/*"),
          Files.readAllBytes(wheel)));
    }
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

  private static void comparePage(final String accept, final String rawName) {
    String project = uploads.pageProject();
    IndexPages index = new IndexPages(nexus.anonymous(), pypi);
    ProjectPage parsed = index.page(project, accept);
    assertEquals(2 * uploads.pageReleases(), parsed.files().size(), parsed::toString);
    HttpRequest pageRequest = get(index.projectUri(project), accept);
    byte[] page = nexus.anonymous().send(pageRequest, HttpResponse.BodyHandlers.ofByteArray()).body();
    String rawPath = "repository/" + raw + "/simple/" + project + "/" + rawName;
    assertEquals(201, nexus.http().put(rawPath, page).statusCode(), rawPath);
    PAGES.addAll(comparisons.measure(uploads.pageScenario(accept, page), pageRequest,
        get(nexus.anonymous().resolve(rawPath), accept), page));
  }

  private static String rawWheelPath(final Path wheel) {
    return "repository/" + raw + "/packages/" + wheel.getFileName();
  }
}
