package io.github.nexuspypi.it.bench;

import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.dists.LargeWheel;
import io.github.nexuspypi.it.files.FileTrees;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.HeapUsage;
import io.github.nexuspypi.it.nexus.NexusInstallation;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.process.ProcessResult;
import io.github.nexuspypi.it.python.ClientConfigFiles;
import io.github.nexuspypi.it.python.IsolatedEnvironment;
import io.github.nexuspypi.it.python.PythonClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 1 GiB wheel through twine into a Nexus at the harness's 1.5 GB heap (-Xmx1500m), and back: the
 * upload must succeed without an OutOfMemoryError and the download must be the same bytes. Records the rates and
 * the heap Nexus reported while and after it took the upload. The wheel and its blobs are deleted afterwards.
 */
@NexusTest
class LargeWheelUploadBenchmark
{
  private static final long PAYLOAD_BYTES = 1L << 30;

  private static final Duration HEAP_SAMPLE_INTERVAL = Duration.ofMillis(500);

  private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(20);

  private static final String PROJECT = "benchlarge";

  private Nexus nexus;

  private PythonClients python;

  private String blobStore;

  private String repository;

  private IsolatedEnvironment env;

  private Path dist;

  @BeforeEach
  void repositoryInABlobStoreOfItsOwn() {
    env = python.environment("large-upload");
    dist = env.home().resolve("dist");
    blobStore = nexus.uniqueName("bench-large");
    repository = nexus.uniqueName("pypi-large");
    // Its folder can go whole afterwards, taking the gigabyte with it.
    nexus.admin().createFileBlobStore(blobStore);
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repository, "allow_once")
        .inBlobStore(blobStore));
    env.write(".pypirc", ClientConfigFiles.pypirc("large", nexus.repositoryUri(repository), "admin",
        nexus.adminPassword()));
  }

  /** After the test, so that a failure of the clean-up is reported beside the test's own, not instead of it. */
  @AfterEach
  void deleteTheGigabytes() {
    FileTrees.delete(dist);
    nexus.admin().deleteRepository(repository);
    nexus.admin().deleteBlobStore(blobStore);
    // Nexus forgets the blob store but keeps a folder that still holds blobs; nothing refers to them any more.
    FileTrees.delete(nexus.installation().dataDir().resolve("blobs").resolve(blobStore));
  }

  @Test
  void aOneGibibyteWheelUploadsWithTwineAndDownloadsByteForByte() throws IOException {
    BenchmarkRecord record = BenchmarkRecord.start(nexus.installation().runningProcess().orElseThrow());
    long started = System.nanoTime();
    Path wheel = LargeWheel.write(dist, PROJECT, "1.0", PAYLOAD_BYTES, 1);
    Duration generated = since(started);
    long size = Files.size(wheel);
    String sha256 = digest(Files.newInputStream(wheel)).sha256();
    HeapUsage before = nexus.admin().heap();

    ProcessResult upload;
    HeapUsage peak;
    int samples;
    try (HeapSampler sampler = HeapSampler.start(nexus.admin()::heap, HEAP_SAMPLE_INTERVAL)) {
      upload = env.run(env.command(python.twine(), "upload", "--verbose", "--disable-progress-bar",
          "--repository", "large", wheel.toString()).withTimeout(UPLOAD_TIMEOUT));
      peak = sampler.peak();
      samples = sampler.samples();
    }
    HeapUsage after = nexus.admin().heap();

    upload.requireSuccess();
    assertTrue(upload.output().contains("200 OK"), upload::describe);
    assertTrue(record.server().isAlive(), "Nexus died during the upload");
    assertNoOutOfMemoryError(nexus.installation());
    URI url = new IndexPages(nexus.anonymous(), repository).fileUri(PROJECT, wheel.getFileName().toString());
    started = System.nanoTime();
    Digested download = download(url);
    Duration downloaded = since(started);
    assertEquals(size, download.bytes(), "bytes downloaded");
    assertEquals(sha256, download.sha256(), "sha256 of the download");

    String markdown = record.header("A 1 GiB wheel uploaded with twine into a 1.5 GB heap",
        "one wheel of " + size + " bytes (a stored, uncompressed 1 GiB entry of pseudo-random bytes plus"
            + " METADATA, WHEEL, RECORD; written in " + generated.toSeconds() + " s), uploaded with Debian's twine "
            + "into a hosted repository, then downloaded anonymously with its sha256 compared; Nexus's heap read "
            + "from /service/metrics/data every " + HEAP_SAMPLE_INTERVAL.toMillis() + " ms during the upload ("
            + samples + " samples)")
        + "\n" + new MarkdownTable("what", "result")
            .row("upload (`twine upload`, whole command: twine reads the file once for its digests, then sends it)",
                rate(size, upload.duration()) + ", answered 200")
            .row("download (anonymous GET, sha256 compared)", rate(size, downloaded) + ", byte-identical")
            .row("Nexus heap before the upload", before.describe())
            .row("Nexus heap, largest sample during the upload", peak == null ? "no sample" : peak.describe())
            .row("Nexus heap after the upload", after.describe())
            .row("OutOfMemoryError in Nexus's logs", "none");
    System.out.println(markdown);
    MarkdownSection.write(BenchmarkSettings.fromSystemProperties().report(), "large-wheel-upload", markdown);
  }

  private static void assertNoOutOfMemoryError(final NexusInstallation installation) throws IOException {
    for (Path log : List.of(installation.nexusLog(), installation.consoleLog())) {
      try (Stream<String> lines = Files.lines(log)) {
        assertFalse(lines.anyMatch(line -> line.contains("OutOfMemoryError")),
            () -> log + " reports an OutOfMemoryError");
      }
    }
  }

  private Digested download(final URI url) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(1)).GET().build();
    HttpResponse<InputStream> response = nexus.anonymous().send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, response.statusCode(), () -> "GET " + url);
    return digest(response.body());
  }

  private record Digested(long bytes, String sha256)
  {
  }

  /** Reads the stream to its end, closing it, and returns how many bytes it had and their sha256. */
  private static Digested digest(final InputStream stream) throws IOException {
    try (DigestInputStream in = new DigestInputStream(stream, MessageDigest.getInstance("SHA-256"))) {
      long bytes = in.transferTo(OutputStream.nullOutputStream());
      return new Digested(bytes, HexFormat.of().formatHex(in.getMessageDigest().digest()));
    }
    catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }


  private static Duration since(final long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private static String rate(final long bytes, final Duration duration) {
    double seconds = duration.toNanos() / 1e9;
    return String.format(Locale.ROOT, "%.1f s, %.1f MiB/s", seconds, bytes / 1048576.0 / seconds);
  }
}
