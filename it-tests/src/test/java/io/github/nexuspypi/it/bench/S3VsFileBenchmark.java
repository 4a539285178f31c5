package io.github.nexuspypi.it.bench;

import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.nexus.S3Server;
import io.github.nexuspypi.it.python.PythonClients;
import io.github.nexuspypi.it.upload.LegacyUploadClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.github.nexuspypi.it.bench.SameBytesComparisons.get;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A hosted repository on an S3 blob store against one on the file blob store, in the same Nexus, with the same
 * files: wheel downloads (the file blob store's are sent from the file, S3's streamed from S3), the 30-release
 * project page (built from the database on either), and uploads of new wheels as twine sends them. S3 is S3Proxy
 * on its filesystem backend in this JVM: the cost measured is Nexus's S3 client and protocol, not a network's. No
 * target: the ratios are recorded; wrong statuses or bytes fail.
 */
@NexusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S3VsFileBenchmark
{
  private static final BenchmarkSettings SETTINGS = BenchmarkSettings.fromSystemProperties()
      .largestConnectionCountOnly();

  /** New wheels per side and round: each upload stores a file, so each needs a file of its own. */
  private static final int UPLOADS_PER_ROUND = 20;

  private static final String BLOB_STORE = "s3-bench";

  private static final List<Comparison> DOWNLOADS = new ArrayList<>();

  private static final List<Comparison> PAGES = new ArrayList<>();

  private static final List<Comparison> UPLOADS = new ArrayList<>();

  private static Nexus nexus;

  private static PythonClients python;

  @TempDir
  static Path work;

  private static S3Server s3;

  private static String onFile;

  private static String onS3;

  private static BenchmarkRecord record;

  private static BenchmarkUploads uploads;

  @BeforeAll
  static void twoRepositoriesWithTheSameFiles() throws IOException {
    record = BenchmarkRecord.start(nexus.installation().runningProcess().orElseThrow());
    nexus.admin().setAnonymousAccess(true);
    s3 = S3Server.start(work.resolve("s3"));
    nexus.admin().createS3BlobStore(BLOB_STORE, s3);
    onFile = nexus.uniqueName("pypi-bench-file");
    onS3 = nexus.uniqueName("pypi-bench-s3");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", onFile, "allow_once", "default"));
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", onS3, "allow_once", BLOB_STORE));
    uploads = BenchmarkUploads.uploadTo(nexus, python, onFile);
    try (Stream<Path> files = Files.list(uploads.wheels().get(0).getParent())) {
      BenchmarkUploads.twineUpload(nexus, python, onS3, files.toList());
    }
  }

  @AfterAll
  static void recordResults() {
    s3.close();
    if (DOWNLOADS.isEmpty() || PAGES.isEmpty() || UPLOADS.isEmpty()) {
      System.out.println("Not all comparisons ran; " + SETTINGS.report() + " keeps its earlier results");
      return;
    }
    List<Comparison> all = new ArrayList<>(DOWNLOADS);
    all.addAll(PAGES);
    all.addAll(UPLOADS);
    ComparisonReport report = new ComparisonReport("s3", "file");
    String markdown = record.header("S3 blob store against file blob store: same files, same Nexus",
        SETTINGS.describe() + " for downloads and pages; uploads: " + UPLOADS_PER_ROUND + " new wheels per side and"
            + " round, one after another on one connection")
        + "\n" + report.ratios(all)
        + "\nEvery round:\n\n" + report.rounds(all);
    System.out.println(markdown);
    MarkdownSection.write(SETTINGS.report(), "s3-vs-file", markdown);
  }

  @Test
  @Order(1)
  void wheelDownloads() throws IOException {
    SameBytesComparisons comparisons = new SameBytesComparisons(nexus.anonymous(), new HttpLoad(record.server()),
        SETTINGS);
    for (Path wheel : uploads.wheels()) {
      String project = BenchmarkUploads.projectOf(wheel);
      String filename = wheel.getFileName().toString();
      DOWNLOADS.addAll(comparisons.measure(BenchmarkUploads.scenario(wheel),
          get(new IndexPages(nexus.anonymous(), onS3).fileUri(project, filename), "*/*"),
          get(new IndexPages(nexus.anonymous(), onFile).fileUri(project, filename), "*/*"),
          Files.readAllBytes(wheel)));
    }
  }

  /** Each side's own page: the same files, but each repository's upload times, so not quite the same bytes. */
  @Test
  @Order(2)
  void projectPages() {
    HttpLoad load = new HttpLoad(record.server());
    for (String accept : List.of(IndexPages.HTML, IndexPages.JSON)) {
      HttpRequest fromS3 = pageRequest(onS3, accept);
      HttpRequest fromFile = pageRequest(onFile, accept);
      long s3Length = pageLength(fromS3);
      long fileLength = pageLength(fromFile);
      for (int connections : SETTINGS.connections()) {
        PAGES.add(Comparison.measure("page " + accept + " (" + uploads.pageReleases() + " releases)", connections,
            SETTINGS.rounds(),
            () -> load.run(fromS3, s3Length, connections, SETTINGS.warmUp(), SETTINGS.measured()),
            () -> load.run(fromFile, fileLength, connections, SETTINGS.warmUp(), SETTINGS.measured())));
      }
    }
  }

  @Test
  @Order(3)
  void uploads() {
    UploadBatch batch = new UploadBatch(record.server());
    LegacyUploadClient toS3 = LegacyUploadClient.to(nexus.http(), onS3);
    LegacyUploadClient toFile = LegacyUploadClient.to(nexus.http(), onFile);
    List<List<Path>> rounds = new ArrayList<>();
    for (int round = 0; round <= SETTINGS.rounds(); round++) {
      List<Path> wheels = new ArrayList<>();
      for (int i = 1; i <= UPLOADS_PER_ROUND; i++) {
        wheels.add(WheelBuilder.of("s3benchupload", round + "." + i).writeTo(work.resolve("uploads")));
      }
      rounds.add(wheels);
    }
    // The first batch warms both sides up and is not counted.
    batch.upload(toS3, rounds.get(0));
    batch.upload(toFile, rounds.get(0));
    List<List<Path>> measured = rounds.subList(1, rounds.size());
    int[] next = {0, 0};
    UPLOADS.add(Comparison.measure("upload of a new wheel (" + size(rounds.get(0).get(0)) + " bytes)", 1,
        measured.size(),
        () -> batch.upload(toS3, measured.get(next[0]++)),
        () -> batch.upload(toFile, measured.get(next[1]++))));
  }

  private static HttpRequest pageRequest(final String repository, final String accept) {
    return get(new IndexPages(nexus.anonymous(), repository).projectUri(uploads.pageProject()), accept);
  }

  private static long pageLength(final HttpRequest page) {
    HttpResponse<byte[]> response = nexus.anonymous().send(page, HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode(), page::toString);
    return response.body().length;
  }

  private static long size(final Path file) {
    try {
      return Files.size(file);
    }
    catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
