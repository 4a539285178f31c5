package io.github.nexuspypi.it.proxy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.it.dists.SdistBuilder;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.Download;
import io.github.nexuspypi.it.nexus.NexusLogExcerpt;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.upstream.FakeFile;
import io.github.nexuspypi.it.upstream.FakeIndex;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.nexuspypi.it.nexus.ProxySettings.autoBlock;
import static io.github.nexuspypi.it.nexus.ProxySettings.strictContentTypeValidation;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An upstream that tries to use the proxy against its own side: links to internal addresses and to the Nexus
 * itself, redirects there, files it types as web pages, and names that are markup or URLs rather than projects and
 * distributions. The upstream is on 127.0.0.1; the "internal" service it aims at listens on 127.0.0.2, another
 * loopback address, which Linux routes to the same machine.
 */
@NexusTest
class HostileUpstreamIT
{
  private static final String SECRET = "internal secret";

  private static Nexus nexus;

  private static FakeIndex upstream;

  private static HttpServer internal;

  private static final AtomicInteger internalRequests = new AtomicInteger();

  private static String proxy;

  private static IndexPages pages;

  @BeforeAll
  static void startTheUpstreamAndAnInternalService() throws IOException {
    upstream = FakeIndex.start();
    internal = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
    internal.createContext("/", exchange -> {
      internalRequests.incrementAndGet();
      byte[] body = SECRET.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    internal.start();
    proxy = nexus.uniqueName("pypi-proxy-hostile");
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", proxy, upstream.simpleUri().toString())
        .with(autoBlock(false)));
    pages = new IndexPages(nexus.anonymous(), proxy);
  }

  @AfterAll
  static void stopThem() {
    internal.stop(0);
    upstream.close();
  }

  /** A link that is no distribution file never reaches the proxy's page, nor a fetch. */
  @Test
  void aLinkThatIsNoDistributionIsDroppedAndNeverFetched() {
    int before = internalRequests.get();
    linkPage("plain-secret", internalUri("/anything"), "secret.bin");

    assertEquals(List.of(), pages.json("plain-secret").files());
    assertEquals(List.of(), pages.html("plain-secret").files());
    Download refused = Download.of(nexus.anonymous(),
        nexus.repositoryUri(proxy).resolve("packages/plain-secret/unknown/secret.bin"));
    assertEquals(404, refused.status(), refused::describe);
    assertEquals(before, internalRequests.get(), "the internal service was never asked");
  }

  /** A distribution on a loopback address other than the upstream's is a 502 naming why, and is logged. */
  @Test
  void aFileOnAnInternalAddressIsRefusedWithABadGateway() {
    int before = internalRequests.get();
    String wheel = "internal_wheel-1.0-py3-none-any.whl";
    linkPage("internal-wheel", internalUri("/" + wheel), wheel);
    NexusLogExcerpt log = NexusLogExcerpt.startingNow(nexus.installation());

    HttpResponse<String> refused = get(pages.fileUri("internal-wheel", wheel));

    assertRefusedAsInternal(refused, "127.0.0.2");
    assertEquals(before, internalRequests.get(), "the internal service was never asked");
    assertFalse(log.linesWith(proxy, "127.0.0.2").isEmpty(), () -> String.join("\n", log.lines()));
  }

  /** An upstream file that redirects to an internal address is refused at the redirect. */
  @Test
  void aRedirectToAnInternalAddressIsRefused() {
    int before = internalRequests.get();
    WheelBuilder builder = WheelBuilder.of("redirected-inside", "1.0");
    FakeFile wheel = upstream.project("redirected-inside").file(builder.fileName(), builder.toBytes());
    upstream.filesHost().at(wheel.path()).redirectTo(internalUri("/" + wheel.filename()));

    HttpResponse<String> refused = get(pages.fileUri("redirected-inside", wheel.filename()));

    assertRefusedAsInternal(refused, "127.0.0.2");
    assertEquals(before, internalRequests.get(), "the internal service was never asked");
  }

  /** The Nexus's own address and port are no file host, though they are the upstream's address (127.0.0.1). */
  @Test
  void aFileOnTheNexusItselfIsRefused() {
    String wheel = "nexus_self-1.0-py3-none-any.whl";
    linkPage("nexus-self", nexus.baseUri(), wheel);

    HttpResponse<String> refused = get(pages.fileUri("nexus-self", wheel));

    assertEquals(502, refused.statusCode(), refused::body);
    assertTrue(describe(refused).contains("this Nexus"), () -> describe(refused));
  }

  /**
   * The type comes from what the file is, never from upstream, neither from its header nor from what its bytes look
   * like: a {@code .metadata} file written as a web page with a script is plain text, before and after it is cached,
   * whether Nexus's strict content type validation is on or off.
   */
  @ParameterizedTest(name = "strict content type validation {0}")
  @ValueSource(booleans = {true, false})
  void upstreamDoesNotChooseTheContentType(final boolean strict) {
    String project = "typed-as-html-" + strict;
    WheelBuilder builder = WheelBuilder.of(project, "1.0");
    FakeFile wheel = upstream.project(project).file(builder.fileName(), builder.toBytes())
        .coreMetadata(("<!DOCTYPE html><html><head><title>Metadata</title></head><body>"
            + "<script>alert(document.cookie)</script></body></html>\n").getBytes(StandardCharsets.UTF_8));
    upstream.filesHost().at(wheel.metadataPath()).contentType("text/html");
    upstream.filesHost().at(wheel.path()).contentType("text/html");
    String typed = nexus.uniqueName("pypi-proxy-typed");
    // By its index URL: the root's hostile names (another test) would not let the base pass as an index.
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", typed, upstream.simpleUri().toString())
        .with(autoBlock(false)).with(strictContentTypeValidation(strict)));
    URI file = new IndexPages(nexus.anonymous(), typed).fileUri(project, wheel.filename());
    URI metadata = URI.create(file + ".metadata");

    for (String time : List.of("first", "cached")) {
      HttpResponse<byte[]> fetched = nexus.anonymous().getBytes(metadata.toString());
      assertEquals(200, fetched.statusCode(), time);
      assertArrayEquals(wheel.coreMetadata(), fetched.body());
      assertEquals("text/plain", contentType(fetched), "a .metadata file, " + time);
      HttpResponse<byte[]> distribution = nexus.anonymous().getBytes(file.toString());
      assertEquals(200, distribution.statusCode(), time);
      assertEquals("application/zip", contentType(distribution), "a wheel, " + time);
    }
  }

  /**
   * An upstream answering a file's URL with a web page (an error page sent with a 200), its page even giving the web
   * page's sha256: a proxy with strict content type validation refuses to keep it, as Nexus's detection reads a web
   * page where the name says an archive. Nothing of a proxy's is taken as proven by our own inspection, which a
   * hosted repository's files pass before Nexus's detection is skipped for them.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"html_as_sdist-1.0.tar.gz", "html_as_zip-1.0.zip"})
  void aWebPageServedAsADistributionIsRefusedByAStrictProxy(final String filename) {
    String project = filename.substring(0, filename.indexOf('-')).replace('_', '-');
    FakeFile file = upstream.project(project).file(filename,
        "<!DOCTYPE html><html><body>Service unavailable</body></html>\n".getBytes(StandardCharsets.UTF_8));
    String strict = nexus.uniqueName("pypi-proxy-strict");
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", strict, upstream.simpleUri().toString())
        .with(autoBlock(false)).with(strictContentTypeValidation(true)));
    URI uri = new IndexPages(nexus.anonymous(), strict).fileUri(project, file.filename());

    for (String time : List.of("first", "again")) {
      HttpResponse<byte[]> fetched = nexus.anonymous().getBytes(uri.toString());
      assertTrue(fetched.statusCode() >= 500, time + ": " + fetched.statusCode());
    }
    assertEquals(List.of(), nexus.admin().assetPaths(strict).stream()
        .filter(path -> path.endsWith(filename)).collect(Collectors.toList()), "nothing of the web page is kept");
  }

  /** A root page entry whose name is no project name is dropped: markup, scripts and paths never reach a page. */
  @Test
  void rootEntriesThatAreNoProjectNamesAreDropped() {
    upstream.rawPage("/simple/", "text/html", "<!DOCTYPE html><html><body>\n"
        + "<a href=\"u\">javascript:alert(1)//</a>\n"
        + "<a href=\"s\">&lt;script&gt;alert(2)&lt;/script&gt;</a>\n"
        + "<a href=\"p\">../../../service/rest</a>\n"
        + "<a href=\"/simple/fine-project/\">Fine.Project</a>\n"
        + "</body></html>\n");

    assertEquals(List.of("fine-project"), pages.projects());
    for (String accept : List.of(IndexPages.HTML, IndexPages.JSON)) {
      String root = nexus.anonymous().send(nexus.anonymous().request("repository/" + proxy + "/simple/")
          .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
      for (String hostile : List.of("javascript", "script", "service/rest")) {
        assertFalse(root.contains(hostile), () -> accept + " root page: " + root);
      }
    }
  }

  /**
   * A file name with a query, a fragment or encoded line breaks is no distribution name: dropped, so no link of the
   * proxy's can lead a client to another URL. The one valid name is linked as before.
   */
  @Test
  void fileNamesThatAreNoDistributionNamesAreDroppedFromPages() {
    SdistBuilder builder = SdistBuilder.of("odd-names", "3.0");
    FakeFile sdist = upstream.project("odd-names").file(builder.fileName(), builder.toBytes());
    upstream.rawPage("/simple/odd-names/", "text/html", "<!DOCTYPE html><html><body>\n"
        + anchor(upstream.filesHost().uri().resolve("x/tag-1.0.tar.gz%3Fx=1%23y"), "odd_names-1.0.tar.gz?x=1#y")
        + anchor(upstream.filesHost().uri().resolve("x/odd_names-2.0%250d%250a.tar.gz"), "odd_names-2.0%0d%0a.tar.gz")
        + anchor(URI.create(sdist.uri() + "#sha256=" + sdist.sha256()), sdist.filename())
        + "</body></html>\n");

    for (String format : List.of(IndexPages.HTML, IndexPages.JSON)) {
      ProjectPage page = pages.page("odd-names", format);
      assertEquals(List.of(sdist.filename()), page.files().stream().map(DistributionLink::filename).toList(),
          format);
    }
    String html = nexus.anonymous().get("repository/" + proxy + "/simple/odd-names/").body();
    assertFalse(html.contains("?x=1") || html.contains("%0d%0a"), html);
    Download file = Download.of(nexus.anonymous(), pages.fileUri("odd-names", sdist.filename()));
    assertTrue(file.isWhole(), file::describe);
    assertArrayEquals(sdist.bytes(), file.body());
  }

  private static void assertRefusedAsInternal(final HttpResponse<String> refused, final String address) {
    assertEquals(502, refused.statusCode(), () -> describe(refused));
    assertTrue(describe(refused).contains(address), () -> describe(refused));
    assertFalse(describe(refused).contains(SECRET), () -> describe(refused));
  }

  /** What a client shows of an answer: pip prints the status line's reason, twine and browsers the body. */
  private static String describe(final HttpResponse<String> response) {
    return response.statusCode() + " " + response.headers().map() + " " + response.body();
  }

  private static HttpResponse<String> get(final URI url) {
    return nexus.anonymous().send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String contentType(final HttpResponse<?> response) {
    return response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
  }

  private static URI internalUri(final String path) {
    return URI.create("http://127.0.0.2:" + internal.getAddress().getPort() + path);
  }

  /** An upstream page for {@code project} with one link, written by hand. */
  private static void linkPage(final String project, final URI href, final String text) {
    upstream.rawPage("/simple/" + project + "/", "text/html",
        "<!DOCTYPE html><html><body>\n" + anchor(href, text) + "</body></html>\n");
  }

  private static String anchor(final URI href, final String text) {
    return "<a href=\"" + href + "\">" + text.replace("&", "&amp;").replace("<", "&lt;") + "</a><br/>\n";
  }
}
