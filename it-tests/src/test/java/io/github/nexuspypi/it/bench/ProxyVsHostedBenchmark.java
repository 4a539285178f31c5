package io.github.nexuspypi.it.bench;

import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.NexusLogExcerpt;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.github.nexuspypi.it.bench.SameBytesComparisons.get;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A proxy's cache hits against the hosted repository it proxies, in the same Nexus: the same wheels and the same
 * 30-release page as {@link HostedVsRawBenchmark}, asked of the proxy once everything is cached and of the hosted
 * repository itself. No target: the ratios are recorded. Wrong statuses or bytes fail, and so does any request the
 * proxy sends upstream while it is measured (the measurement would no longer be of cache hits).
 */
@NexusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProxyVsHostedBenchmark
{
  // One connection count at the profile's round settings keeps this part under 5 minutes.
  private static final BenchmarkSettings SETTINGS = BenchmarkSettings.fromSystemProperties()
      .largestConnectionCountOnly();

  private static final List<Comparison> WHEELS = new ArrayList<>();

  private static final List<Comparison> PAGES = new ArrayList<>();

  private static Nexus nexus;

  private static PythonClients python;

  private static String hosted;

  private static String proxy;

  private static BenchmarkRecord record;

  private static BenchmarkUploads uploads;

  private static SameBytesComparisons comparisons;

  private static NexusLogExcerpt upstreamRequests;

  private static boolean onlyCacheHits;

  @BeforeAll
  static void hostedUploadsAndAWarmProxy() throws IOException {
    record = BenchmarkRecord.start(nexus.installation().runningProcess().orElseThrow());
    // Both sides on the same security path: anonymous reads.
    nexus.admin().setAnonymousAccess(true);
    hosted = nexus.uniqueName("pypi-bench-upstream");
    proxy = nexus.uniqueName("pypi-bench-proxy");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", hosted, "allow_once"));
    // Pages and files stay fresh for a day, far longer than this run: every measured request is a cache hit.
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", proxy, nexus.repositoryUri(hosted).toString()));
    uploads = BenchmarkUploads.uploadTo(nexus, python, hosted);
    warmProxy();
    comparisons = new SameBytesComparisons(nexus.anonymous(), new HttpLoad(record.server()), SETTINGS);
    upstreamRequests = NexusLogExcerpt.outboundRequestsStartingNow(nexus.installation());
  }

  /**
   * Every file of the measured projects once through the proxy, checked against hosted's, then each page in both
   * formats: files first, because caching a file makes its project's page render anew.
   */
  private static void warmProxy() throws IOException {
    Set<String> projects = new LinkedHashSet<>();
    uploads.wheels().forEach(wheel -> projects.add(BenchmarkUploads.projectOf(wheel)));
    projects.add(uploads.pageProject());
    IndexPages fromHosted = new IndexPages(nexus.anonymous(), hosted);
    IndexPages fromProxy = new IndexPages(nexus.anonymous(), proxy);
    for (String project : projects) {
      for (DistributionLink file : fromHosted.json(project).files()) {
        assertArrayEquals(bytes(URI.create(file.url())), bytes(fromProxy.fileUri(project, file.filename())),
            () -> file.filename() + " came through the proxy as other bytes");
      }
    }
    for (String project : projects) {
      fromProxy.html(project);
      fromProxy.json(project);
    }
  }

  @Test
  @Order(1)
  void wheelDownloads() throws IOException {
    for (Path wheel : uploads.wheels()) {
      String project = BenchmarkUploads.projectOf(wheel);
      String filename = wheel.getFileName().toString();
      URI fromProxy = new IndexPages(nexus.anonymous(), proxy).fileUri(project, filename);
      URI fromHosted = new IndexPages(nexus.anonymous(), hosted).fileUri(project, filename);
      WHEELS.addAll(comparisons.measure(BenchmarkUploads.scenario(wheel), get(fromProxy, "*/*"),
          get(fromHosted, "*/*"), Files.readAllBytes(wheel)));
    }
  }

  @Test
  @Order(2)
  void projectPages() {
    for (String accept : List.of(IndexPages.HTML, IndexPages.JSON)) {
      String project = uploads.pageProject();
      assertEquals(2 * uploads.pageReleases(), new IndexPages(nexus.anonymous(), hosted).page(project, accept)
          .files().size());
      HttpRequest fromHosted = get(new IndexPages(nexus.anonymous(), hosted).projectUri(project), accept);
      // Hosted's relative links lead into the proxy from the proxy's page, so the proxy's page is the same bytes.
      byte[] page = nexus.anonymous().send(fromHosted, HttpResponse.BodyHandlers.ofByteArray()).body();
      HttpRequest fromProxy = get(new IndexPages(nexus.anonymous(), proxy).projectUri(project), accept);
      // A page's Last-Modified is when it was rendered: unchanged, it was served from memory all along.
      String renderedBefore = lastModified(fromProxy);
      PAGES.addAll(comparisons.measure(uploads.pageScenario(accept, page), fromProxy, fromHosted, page));
      assertEquals(renderedBefore, lastModified(fromProxy), "the proxy rendered its page anew while measured");
    }
  }

  @Test
  @Order(3)
  void everyMeasuredProxyRequestWasACacheHit() {
    assertEquals(List.of(), upstreamRequests.linesWith("/repository/" + hosted + "/"));
    onlyCacheHits = true;
  }

  @AfterAll
  static void recordResults() {
    if (WHEELS.isEmpty() || PAGES.isEmpty() || !onlyCacheHits) {
      System.out.println("Not all comparisons ran, or not on cache hits only; " + SETTINGS.report() + " keeps its earlier results");
      return;
    }
    ComparisonReport report = new ComparisonReport("proxy", "hosted");
    List<Comparison> all = new ArrayList<>(WHEELS);
    all.addAll(PAGES);
    String markdown = record.header("Proxy cache hits against hosted: same bytes, same Nexus", SETTINGS.describe())
        + "\n" + report.ratios(all)
        + "\nEvery round:\n\n" + report.rounds(all);
    System.out.println(markdown);
    MarkdownSection.write(SETTINGS.report(), "proxy-vs-hosted", markdown);
  }

  private static String lastModified(final HttpRequest page) {
    return nexus.anonymous().send(page, HttpResponse.BodyHandlers.discarding()).headers()
        .firstValue("Last-Modified").orElseThrow(() -> new AssertionError(page + " has no Last-Modified"));
  }

  private static byte[] bytes(final URI uri) {
    HttpResponse<byte[]> response = nexus.anonymous().send(get(uri, "*/*"), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode(), uri::toString);
    return response.body();
  }
}
