package io.github.nexuspypi.it.proxy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

import io.github.nexuspypi.core.index.CoreMetadataRef;
import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.it.clients.LocalDistribution;
import io.github.nexuspypi.it.dists.SdistBuilder;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.Download;
import io.github.nexuspypi.it.nexus.Eventually;
import io.github.nexuspypi.it.nexus.NexusLogExcerpt;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.process.ProcessResult;
import io.github.nexuspypi.it.python.IsolatedEnvironment;
import io.github.nexuspypi.it.python.PythonClients;
import io.github.nexuspypi.it.upstream.FakeFile;
import io.github.nexuspypi.it.upstream.FakeIndex;
import io.github.nexuspypi.it.upstream.LoggedRequest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.nexuspypi.it.nexus.ProxySettings.autoBlock;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files through a proxy of the fake index: one upstream fetch however many clients ask at once, the page's sha256
 * enforced on every file and {@code .metadata} (a refused file never reaches a client whole and is never cached),
 * PEP 658 metadata for every wheel, read from the wheel itself when upstream offers none, and only the files a page
 * lists.
 */
@NexusTest
class ProxyFilesIT
{
  /** How far behind a download the proxy keeps its clients until the file is verified. */
  private static final int HOLD_BACK = 64 * 1024;

  /** Four times the hold-back, so that a client has received part of it when it is refused. */
  private static final int LARGE = 4 * HOLD_BACK;

  private static Nexus nexus;

  private static FakeIndex upstream;

  private static String proxy;

  private static IndexPages pages;

  private static PythonClients python;

  @BeforeAll
  static void proxyTheFakeIndex() {
    upstream = FakeIndex.start();
    proxy = nexus.uniqueName("pypi-proxy-files");
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", proxy, upstream.uri().toString())
        .with(autoBlock(false)));
    pages = new IndexPages(nexus.anonymous(), proxy);
  }

  @AfterAll
  static void stopTheFakeIndex() {
    upstream.close();
  }

  /**
   * Held before its headers, the fetch is one that Nexus's proxy cooperation makes the second request wait for;
   * trickling, the first request has its answer and streams it while the second one follows the download.
   */
  @ParameterizedTest(name = "upstream {0}")
  @ValueSource(strings = {"slow", "trickling"})
  void concurrentFirstRequestsShareOneUpstreamFetch(final String how) throws Exception {
    String project = "shared-" + how;
    WheelBuilder builder = wheelWithPayload(project, LARGE, 1);
    FakeFile wheel = upstream.project(project).file(builder.fileName(), builder.toBytes());
    URI url = pages.fileUri(project, wheel.filename());
    if (how.equals("slow")) {
      upstream.filesHost().at(wheel.path()).slow(Duration.ofSeconds(3));
    }
    else {
      upstream.filesHost().at(wheel.path()).trickle(32 * 1024, Duration.ofMillis(400));
    }

    CompletableFuture<Download> first = CompletableFuture.supplyAsync(() -> Download.of(nexus.anonymous(), url));
    // The second request leaves once upstream has the first: both are then first requests of a file not cached.
    Eventually.poll(() -> upstream.log().to(wheel.path()).size(), count -> count > 0);
    CompletableFuture<Download> second = CompletableFuture.supplyAsync(() -> Download.of(nexus.anonymous(), url));

    for (Download download : List.of(first.get(), second.get())) {
      assertTrue(download.isWhole(), download::describe);
      assertArrayEquals(wheel.bytes(), download.body());
    }
    assertEquals(1, upstream.log().to(wheel.path()).size(), () -> upstream.log().all().toString());

    upstream.filesHost().at(wheel.path()).clear();
    assertArrayEquals(wheel.bytes(), Download.of(nexus.anonymous(), url).body());
    assertEquals(1, upstream.log().to(wheel.path()).size(), "a cached file is served from the cache");
  }

  /**
   * A file no larger than the hold-back is checked before anything is answered: a 502. A larger one is answered as
   * its first bytes arrive, and breaks off at least the hold-back before its end.
   */
  @ParameterizedTest(name = "payload of {0} bytes")
  @ValueSource(ints = {0, LARGE})
  void aFileWithTheWrongSha256BreaksOffBeforeItsEndAndIsNotCached(final int payload) {
    String project = "wrong-sha256-" + payload;
    WheelBuilder builder = wheelWithPayload(project, payload, 2);
    FakeFile wheel = upstream.project(project).file(builder.fileName(), builder.toBytes());
    URI url = pages.fileUri(project, wheel.filename());
    String path = "/packages/" + project + "/1.0/" + wheel.filename();
    upstream.filesHost().at(wheel.path()).wrongSha256();
    NexusLogExcerpt log = NexusLogExcerpt.startingNow(nexus.installation());

    Download refused = Download.of(nexus.anonymous(), url);

    assertRefused(refused, wheel);
    assertLoggedWithBothHashes(log, wheel);
    assertNotCachedThenFetchedAgain(wheel, url, path);
  }

  /** A client's first request for a file may ask for a range, as lazy-wheel clients do: it comes from the download. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"bytes=1000-1999", "bytes=-100"})
  void aRangeOfAFileNotYetCachedComesFromTheDownload(final String range) {
    String project = "ranged-" + (range.contains("-100") ? "tail" : "middle");
    WheelBuilder builder = wheelWithPayload(project, LARGE, 5);
    FakeFile wheel = upstream.project(project).file(builder.fileName(), builder.toBytes());
    URI url = pages.fileUri(project, wheel.filename());
    byte[] bytes = wheel.bytes();
    int from = range.equals("bytes=-100") ? bytes.length - 100 : 1000;
    int to = range.equals("bytes=-100") ? bytes.length - 1 : 1999;

    HttpResponse<byte[]> partial = nexus.anonymous().send(nexus.anonymous().request(url.toString())
        .header("Range", range).GET().build(), HttpResponse.BodyHandlers.ofByteArray());

    assertEquals(206, partial.statusCode());
    assertEquals("bytes " + from + "-" + to + "/" + bytes.length,
        partial.headers().firstValue("Content-Range").orElseThrow());
    assertArrayEquals(Arrays.copyOfRange(bytes, from, to + 1), partial.body());
    assertArrayEquals(bytes, Download.of(nexus.anonymous(), url).body(), "and the whole file was cached");
    assertEquals(1, upstream.log().to(wheel.path()).size());
  }

  /**
   * A HEAD of a file not yet cached downloads nothing: the page's size answers it, or, when the page gives none (HTML
   * pages do not), a HEAD upstream.
   */
  @ParameterizedTest(name = "size from {0}")
  @ValueSource(strings = {"the page", "upstream"})
  void aHeadOfAFileNotYetCachedDownloadsNothing(final String sizeFrom) {
    String project = "head-" + (sizeFrom.equals("the page") ? "page" : "upstream");
    WheelBuilder builder = wheelWithPayload(project, LARGE, 6);
    FakeFile wheel = upstream.project(project).file(builder.fileName(), builder.toBytes());
    if (sizeFrom.equals("upstream")) {
      upstream.rawPage("/simple/" + project + "/", "text/html", "<!DOCTYPE html><html><body><a href=\""
          + wheel.uri() + "#sha256=" + wheel.sha256() + "\">" + wheel.filename() + "</a></body></html>");
    }
    URI url = pages.fileUri(project, wheel.filename());

    HttpResponse<Void> head = nexus.anonymous().send(nexus.anonymous().request(url.toString())
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());

    assertEquals(200, head.statusCode());
    assertEquals(wheel.bytes().length, head.headers().firstValueAsLong("Content-Length").orElseThrow());
    assertEquals("application/zip", head.headers().firstValue("Content-Type").orElseThrow());
    List<LoggedRequest> asked = upstream.log().to(wheel.path());
    assertTrue(asked.stream().noneMatch(request -> request.method().equals("GET")), asked::toString);
    assertEquals(sizeFrom.equals("upstream") ? 1 : 0, asked.size(), asked::toString);
    assertFalse(nexus.admin().assetPaths(proxy).contains("/packages/" + project + "/1.0/" + wheel.filename()));
  }

  @Test
  void aDownloadUpstreamBreaksOffBreaksOffForTheClientAndIsNotCached() {
    WheelBuilder builder = wheelWithPayload("reset-file", LARGE, 4);
    FakeFile wheel = upstream.project("reset-file").file(builder.fileName(), builder.toBytes());
    URI url = pages.fileUri("reset-file", wheel.filename());
    upstream.filesHost().at(wheel.path()).connectionReset();

    Download broken = Download.of(nexus.anonymous(), url);

    assertEquals(200, broken.status(), broken::describe);
    assertNotNull(broken.failure(), broken::describe);
    assertTrue(broken.body().length <= wheel.bytes().length / 2 - HOLD_BACK, broken::describe);
    assertNotCachedThenFetchedAgain(wheel, url, "/packages/reset-file/1.0/" + wheel.filename());
  }

  @Test
  void aFileUpstreamAnswers5xxForIsA503AndIsNotCached() {
    WheelBuilder builder = WheelBuilder.of("failing-file", "1.0");
    FakeFile wheel = upstream.project("failing-file").file(builder.fileName(), builder.toBytes());
    URI url = pages.fileUri("failing-file", wheel.filename());
    upstream.filesHost().at(wheel.path()).status(500);

    assertEquals(503, Download.of(nexus.anonymous(), url).status());
    assertNotCachedThenFetchedAgain(wheel, url, "/packages/failing-file/1.0/" + wheel.filename());
  }

  @Test
  void pipFailsOnAFileWithTheWrongSha256() throws IOException {
    WheelBuilder builder = wheelWithPayload("wrong-pip", LARGE, 3);
    FakeFile wheel = upstream.project("wrong-pip").file(builder.fileName(), builder.toBytes());
    upstream.filesHost().at(wheel.path()).wrongSha256();
    IsolatedEnvironment env = python.environment("proxy-wrong-sha256");

    ProcessResult download = env.run(python.pip("3.13.0"), "download", "--no-deps", "--dest", "downloads",
        "--index-url", nexus.repositoryUri(proxy) + "simple/", "wrong-pip").requireFailure();

    // pip 24.2 takes the short body for the whole file: the page's sha256, which the proxy passed on, stops it.
    assertTrue(download.output().contains("Expected sha256 " + wheel.sha256()), download::describe);
    assertFalse(Files.exists(env.home().resolve("downloads").resolve(wheel.filename())), download::describe);
    assertFalse(nexus.admin().assetPaths(proxy).contains("/packages/wrong-pip/1.0/" + wheel.filename()));
  }

  @Test
  void metadataFilesComeFromUpstreamWithTheirHashChecked() {
    WheelBuilder builder = WheelBuilder.of("meta-pass", "1.0");
    builder.metadata().set("Summary", "Metadata passed through");
    FakeFile wheel = upstream.project("meta-pass").file(builder.fileName(), builder.toBytes());
    DistributionLink link = pages.link("meta-pass", wheel.filename(), IndexPages.JSON);
    assertEquals(CoreMetadataRef.sha256(LocalDistribution.sha256(wheel.coreMetadata())), link.coreMetadata());

    Download metadata = Download.of(nexus.anonymous(), URI.create(link.url() + ".metadata"));

    assertTrue(metadata.isWhole(), metadata::describe);
    assertArrayEquals(wheel.coreMetadata(), metadata.body());
    assertEquals(1, upstream.log().to(wheel.metadataPath()).size());
    assertEquals(0, upstream.log().to(wheel.path()).size(), "the wheel itself is not needed for its metadata");
  }

  @Test
  void aMetadataFileWithTheWrongSha256IsABadGatewayAndIsNotCached() {
    WheelBuilder builder = WheelBuilder.of("meta-wrong", "1.0");
    FakeFile wheel = upstream.project("meta-wrong").file(builder.fileName(), builder.toBytes());
    URI url = URI.create(pages.link("meta-wrong", wheel.filename(), IndexPages.JSON).url() + ".metadata");
    upstream.filesHost().at(wheel.metadataPath()).wrongSha256();

    Download refused = Download.of(nexus.anonymous(), url);

    assertEquals(502, refused.status(), refused::describe);
    String cached = "/packages/meta-wrong/1.0/" + wheel.filename() + ".metadata";
    assertFalse(nexus.admin().assetPaths(proxy).contains(cached), "refused, not cached");
    upstream.filesHost().at(wheel.metadataPath()).clear();
    Download fetched = Download.of(nexus.anonymous(), url);
    assertTrue(fetched.isWhole(), fetched::describe);
    assertArrayEquals(wheel.coreMetadata(), fetched.body());
    assertEquals(2, upstream.log().to(wheel.metadataPath()).size());
  }

  @Test
  void aWheelWhoseUpstreamOffersNoMetadataGetsItsOwnMetadataFile() {
    WheelBuilder builder = WheelBuilder.of("meta-own", "1.0");
    builder.metadata().set("Summary", "Read from the wheel by the proxy");
    FakeFile wheel = upstream.project("meta-own").file(builder.fileName(), builder.toBytes()).withoutCoreMetadata();

    for (String format : List.of(IndexPages.HTML, IndexPages.JSON)) {
      DistributionLink link = pages.link("meta-own", wheel.filename(), format);
      assertEquals(CoreMetadataRef.WITHOUT_HASH, link.coreMetadata(), format);
    }
    URI url = URI.create(pages.link("meta-own", wheel.filename(), IndexPages.JSON).url() + ".metadata");
    Download metadata = Download.of(nexus.anonymous(), url);

    assertTrue(metadata.isWhole(), metadata::describe);
    assertArrayEquals(builder.metadataBytes(), metadata.body());
    assertEquals(0, upstream.log().to(wheel.metadataPath()).size(), "upstream offered none");
    assertEquals(1, upstream.log().to(wheel.path()).size(), "the wheel was fetched to read it");
  }

  @Test
  void anSdistHasNoMetadataFileWhenUpstreamOffersNone() {
    SdistBuilder builder = SdistBuilder.of("sdist-only", "1.0");
    FakeFile sdist = upstream.project("sdist-only").file(builder.fileName(), builder.toBytes());
    DistributionLink link = pages.link("sdist-only", sdist.filename(), IndexPages.JSON);
    assertNull(link.coreMetadata());

    assertEquals(404, Download.of(nexus.anonymous(), URI.create(link.url() + ".metadata")).status());
    Download file = Download.of(nexus.anonymous(), URI.create(link.url()));
    assertTrue(file.isWhole(), file::describe);
    assertArrayEquals(sdist.bytes(), file.body());
  }

  @Test
  void aFileThePageDoesNotListIsNotFoundAndNotAskedUpstream() {
    WheelBuilder builder = WheelBuilder.of("listed-only", "1.0");
    FakeFile wheel = upstream.project("listed-only").file(builder.fileName(), builder.toBytes());
    URI listed = pages.fileUri("listed-only", wheel.filename());
    int requestsBefore = upstream.log().all().size();

    URI unlisted = listed.resolve("listed_only-1.0-py2-none-any.whl");
    assertEquals(404, Download.of(nexus.anonymous(), unlisted).status());
    URI elsewhere = listed.resolve("../2.0/" + wheel.filename());
    assertEquals(404, Download.of(nexus.anonymous(), elsewhere).status());
    List<LoggedRequest> since = upstream.log().all().subList(requestsBefore, upstream.log().all().size());
    assertTrue(since.stream().noneMatch(request -> request.path().startsWith("/packages/")), since::toString);
  }

  /**
   * The proxy answers 200 with upstream's Content-Length before it has the file, so a refusal can only cut the
   * body off: the client gets upstream's bytes up to the proxy's hold-back (64 KiB) before the end, none at all of a
   * smaller file, then the connection closes.
   */
  private static void assertRefused(final Download refused, final FakeFile wheel) {
    byte[] served = upstreamBytesWithWrongSha256(wheel);
    if (served.length <= HOLD_BACK) {
      assertEquals(502, refused.status(), refused::describe);
      return;
    }
    assertEquals(200, refused.status(), refused::describe);
    assertEquals(served.length, refused.contentLength().orElseThrow(), refused::describe);
    assertNotNull(refused.failure(), refused::describe);
    assertTrue(refused.body().length <= Math.max(0, served.length - HOLD_BACK), refused::describe);
    assertArrayEquals(Arrays.copyOf(served, refused.body().length), refused.body());
  }

  private static void assertLoggedWithBothHashes(final NexusLogExcerpt log, final FakeFile wheel) {
    String served = LocalDistribution.sha256(upstreamBytesWithWrongSha256(wheel));
    List<String> lines = log.linesWith(proxy, wheel.filename(), wheel.sha256(), served);
    assertEquals(1, lines.size(), () -> String.join("\n", log.lines()));
  }

  private static void assertNotCachedThenFetchedAgain(final FakeFile wheel, final URI url, final String path) {
    assertFalse(nexus.admin().assetPaths(proxy).contains(path));
    upstream.filesHost().at(wheel.path()).clear();
    Download fetched = Download.of(nexus.anonymous(), url);
    assertTrue(fetched.isWhole(), fetched::describe);
    assertArrayEquals(wheel.bytes(), fetched.body());
    assertEquals(2, upstream.log().to(wheel.path()).size(), "the refused file was fetched again");
    assertTrue(nexus.admin().assetPaths(proxy).contains(path));
  }

  /** What the fake serves for {@link io.github.nexuspypi.it.upstream.Fault#wrongSha256()}: the first byte inverted. */
  private static byte[] upstreamBytesWithWrongSha256(final FakeFile file) {
    byte[] bytes = file.bytes();
    bytes[0] = (byte) ~bytes[0];
    return bytes;
  }

  /** A wheel made large by a data file of random bytes, which deflate cannot shrink. */
  private static WheelBuilder wheelWithPayload(final String project, final int bytes, final long seed) {
    byte[] payload = new byte[bytes];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < bytes; i++) {
      payload[i] = (byte) random.nextInt(256);
    }
    WheelBuilder builder = WheelBuilder.of(project, "1.0");
    return builder.file(project.replace('-', '_') + "/payload.bin", payload);
  }
}
