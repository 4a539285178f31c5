package io.github.nexuspypi.it.bench;

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

import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;

import static io.github.nexuspypi.it.bench.SameBytesComparisons.get;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Another repository of the same Nexus (a proxy, a group) measured against the hosted repository whose files it
 * serves: the same wheels and the same 30-release page as {@link HostedVsRawBenchmark}, same bytes on both sides.
 */
final class AgainstHosted
{
  private final Nexus nexus;

  private final String measured;

  private final String hosted;

  private final BenchmarkUploads uploads;

  private final BenchmarkRecord record;

  private final BenchmarkSettings settings;

  private final SameBytesComparisons comparisons;

  private final List<Comparison> wheels = new ArrayList<>();

  private final List<Comparison> pages = new ArrayList<>();

  AgainstHosted(final Nexus nexus, final String measured, final String hosted, final BenchmarkUploads uploads,
                final BenchmarkRecord record, final BenchmarkSettings settings)
  {
    this.nexus = nexus;
    this.measured = measured;
    this.hosted = hosted;
    this.uploads = uploads;
    this.record = record;
    this.settings = settings;
    this.comparisons = new SameBytesComparisons(nexus.anonymous(), new HttpLoad(record.server()), settings);
  }

  /** Fetches every file of the measured projects through the measured repository once, checking its bytes. */
  void fetchEveryFileOnce() throws IOException {
    IndexPages fromHosted = new IndexPages(nexus.anonymous(), hosted);
    IndexPages fromMeasured = new IndexPages(nexus.anonymous(), measured);
    for (String project : projects()) {
      for (DistributionLink file : fromHosted.json(project).files()) {
        assertArrayEquals(bytes(URI.create(file.url())), bytes(fromMeasured.fileUri(project, file.filename())),
            () -> file.filename() + " came through " + measured + " as other bytes");
      }
    }
  }

  /** The measured projects' pages in both formats, as a client reads them. */
  void readEveryPage() {
    IndexPages fromMeasured = new IndexPages(nexus.anonymous(), measured);
    for (String project : projects()) {
      fromMeasured.html(project);
      fromMeasured.json(project);
    }
  }

  void measureWheels() throws IOException {
    for (Path wheel : uploads.wheels()) {
      String project = BenchmarkUploads.projectOf(wheel);
      String filename = wheel.getFileName().toString();
      URI fromMeasured = new IndexPages(nexus.anonymous(), measured).fileUri(project, filename);
      URI fromHosted = new IndexPages(nexus.anonymous(), hosted).fileUri(project, filename);
      wheels.addAll(comparisons.measure(BenchmarkUploads.scenario(wheel), get(fromMeasured, "*/*"),
          get(fromHosted, "*/*"), Files.readAllBytes(wheel)));
    }
  }

  /**
   * The 30-release page in both formats. Hosted's relative links lead into the measured repository from its own
   * page, so its page is the same bytes; and its Last-Modified, the moment it was built, must not change while it
   * is measured: it is served from memory all along.
   */
  void measurePages() {
    for (String accept : List.of(IndexPages.HTML, IndexPages.JSON)) {
      String project = uploads.pageProject();
      assertEquals(2 * uploads.pageReleases(), new IndexPages(nexus.anonymous(), hosted).page(project, accept)
          .files().size());
      HttpRequest fromHosted = get(new IndexPages(nexus.anonymous(), hosted).projectUri(project), accept);
      byte[] page = nexus.anonymous().send(fromHosted, HttpResponse.BodyHandlers.ofByteArray()).body();
      HttpRequest fromMeasured = get(new IndexPages(nexus.anonymous(), measured).projectUri(project), accept);
      String builtBefore = lastModified(fromMeasured);
      pages.addAll(comparisons.measure(uploads.pageScenario(accept, page), fromMeasured, fromHosted, page));
      assertEquals(builtBefore, lastModified(fromMeasured), measured + " built its page anew while measured");
    }
  }

  /** Writes the section, unless some comparison did not run or {@code valid} is false. */
  void report(final String kind, final String title, final String section, final boolean valid) {
    if (wheels.isEmpty() || pages.isEmpty() || !valid) {
      System.out.println("Not all comparisons ran, or not validly; " + settings.report()
          + " keeps its earlier results");
      return;
    }
    ComparisonReport report = new ComparisonReport(kind, "hosted");
    List<Comparison> all = new ArrayList<>(wheels);
    all.addAll(pages);
    String markdown = record.header(title, settings.describe())
        + "\n" + report.ratios(all)
        + "\nEvery round:\n\n" + report.rounds(all);
    System.out.println(markdown);
    MarkdownSection.write(settings.report(), section, markdown);
  }

  private Set<String> projects() {
    Set<String> projects = new LinkedHashSet<>();
    uploads.wheels().forEach(wheel -> projects.add(BenchmarkUploads.projectOf(wheel)));
    projects.add(uploads.pageProject());
    return projects;
  }

  private String lastModified(final HttpRequest page) {
    return nexus.anonymous().send(page, HttpResponse.BodyHandlers.discarding()).headers()
        .firstValue("Last-Modified").orElseThrow(() -> new AssertionError(page + " has no Last-Modified"));
  }

  private byte[] bytes(final URI uri) {
    HttpResponse<byte[]> response = nexus.anonymous().send(get(uri, "*/*"), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode(), uri::toString);
    return response.body();
  }
}
