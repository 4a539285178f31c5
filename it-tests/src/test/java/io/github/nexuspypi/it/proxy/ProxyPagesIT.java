package io.github.nexuspypi.it.proxy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.nexuspypi.core.index.CoreMetadataRef;
import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.core.index.SimpleHtmlParser;
import io.github.nexuspypi.core.index.SimpleJsonParser;
import io.github.nexuspypi.core.index.Yank;
import io.github.nexuspypi.it.clients.LocalDistribution;
import io.github.nexuspypi.it.dists.SdistBuilder;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.NexusHttp;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.upstream.FakeFile;
import io.github.nexuspypi.it.upstream.FakeIndex;
import io.github.nexuspypi.it.upstream.LoggedRequest;
import io.github.nexuspypi.it.upstream.PageStyle;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pages through proxies of four upstreams (PEP 691 or HTML only, written by pypi-core or with pypi.org's quirks):
 * JSON is asked first, every attribute a client reads survives the trip in both formats with links into the proxy,
 * any spelling of a name is one cached page, and the root page is proxied in both formats.
 */
@NexusTest
class ProxyPagesIT
{
  private static final String PROJECT = "Attr.Demo";

  private static final String NORMALIZED = "attr-demo";

  private static final Instant UPLOADED = Instant.parse("2024-05-01T12:30:00Z");

  private static final Map<Upstream, Proxied> PROXIES = new EnumMap<>(Upstream.class);

  private static Nexus nexus;

  /** The kinds of upstream index a proxy meets. */
  enum Upstream
  {
    PEP_691(PageStyle.PYPI_CORE, false),
    HTML_ONLY(PageStyle.PYPI_CORE, true),
    PYPI_ORG(PageStyle.PYPI_ORG, false),
    PYPI_ORG_HTML_ONLY(PageStyle.PYPI_ORG, true);

    final PageStyle style;

    final boolean htmlOnly;

    Upstream(final PageStyle style, final boolean htmlOnly) {
      this.style = style;
      this.htmlOnly = htmlOnly;
    }
  }

  private record Proxied(FakeIndex upstream, String name, IndexPages pages)
  {
  }

  @BeforeAll
  static void proxyEachUpstream() {
    for (Upstream kind : Upstream.values()) {
      FakeIndex upstream = FakeIndex.start().style(kind.style).htmlOnly(kind.htmlOnly);
      publish(upstream);
      String name = nexus.uniqueName("pypi-proxy-pages-" + kind.name().toLowerCase().replace('_', '-'));
      nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", name, upstream.uri().toString()));
      // Creating it asked upstream where its index is; the tests count what serving clients asks.
      upstream.log().clear();
      PROXIES.put(kind, new Proxied(upstream, name, new IndexPages(nexus.anonymous(), name)));
    }
  }

  @AfterAll
  static void stopTheUpstreams() {
    PROXIES.values().forEach(proxied -> proxied.upstream().close());
  }

  /** A release with every attribute a page can give a file, and an older one with what is left. */
  private static void publish(final FakeIndex upstream) {
    WheelBuilder wheel = WheelBuilder.of(PROJECT, "1.0");
    SdistBuilder sdist = SdistBuilder.of(PROJECT, "1.0");
    WheelBuilder old = WheelBuilder.of(PROJECT, "0.9");
    upstream.project(PROJECT).file(wheel.fileName(), wheel.toBytes()).requiresPython(">=3.8").uploadTime(UPLOADED);
    upstream.project(PROJECT).file(sdist.fileName(), sdist.toBytes()).requiresPython(">=3.8")
        .yanked("Broken build: use 1.0.1 & <b>nothing</b> else").uploadTime(UPLOADED);
    upstream.project(PROJECT).file(old.fileName(), old.toBytes()).requiresPython(">=3.7, <4").yanked("")
        .withoutCoreMetadata();
    WheelBuilder spelled = WheelBuilder.of("Spelled.Name", "2.0");
    upstream.project("Spelled.Name").file(spelled.fileName(), spelled.toBytes());
  }

  @ParameterizedTest
  @EnumSource(Upstream.class)
  void pagesKeepEveryAttributeWithLinksIntoTheProxy(final Upstream kind) {
    Proxied proxied = PROXIES.get(kind);
    List<FakeFile> files = proxied.upstream().project(PROJECT).files();

    for (String format : List.of(IndexPages.HTML, IndexPages.JSON)) {
      ProjectPage page = proxied.pages().page(NORMALIZED, format);
      boolean json = format.equals(IndexPages.JSON);

      assertEquals(files.stream().map(FakeFile::filename).toList(),
          page.files().stream().map(DistributionLink::filename).toList(), format);
      for (int i = 0; i < files.size(); i++) {
        FakeFile file = files.get(i);
        DistributionLink link = page.files().get(i);
        String version = file.filename().contains("-0.9") ? "0.9" : "1.0";
        String what = kind + " " + format + " " + file.filename();
        assertEquals(nexus.repositoryUri(proxied.name()) + "packages/" + NORMALIZED + "/" + version + "/"
            + file.filename(), link.url(), what);
        assertEquals(Map.of("sha256", file.sha256()), link.hashes(), what);
        assertEquals(expectedRequiresPython(file), link.requiresPython(), what);
        assertEquals(expectedYank(file), link.yank(), what);
        assertEquals(expectedCoreMetadata(file), link.coreMetadata(), what);
        // Only a JSON page carries sizes and upload times, and only a JSON upstream gives them.
        boolean known = json && !kind.htmlOnly;
        assertEquals(known ? Long.valueOf(file.bytes().length) : null, link.size(), what);
        assertEquals(known && !file.filename().contains("-0.9") ? UPLOADED : null, link.uploadTime(), what);
      }
      if (json) {
        assertEquals(Set.of("1.0", "0.9"), page.versions(), kind.name());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Upstream.class)
  void upstreamIsAskedForJsonFirstWithHtmlAsTheFallback(final Upstream kind) {
    Proxied proxied = PROXIES.get(kind);
    proxied.pages().json(NORMALIZED);

    List<LoggedRequest> requests = proxied.upstream().log().to("/simple/" + NORMALIZED + "/");
    assertEquals(1, requests.size(), requests::toString);
    LoggedRequest request = requests.get(0);
    assertEquals(SimpleFormat.JSON_V1, request.negotiatedFormat(), request::accept);
    assertTrue(request.accept().contains(SimpleFormat.TEXT_HTML.mediaType()), request::accept);
  }

  @Test
  void everySpellingOfANameIsOneCachedPage() {
    Proxied proxied = PROXIES.get(Upstream.PEP_691);
    String canonical = nexus.repositoryUri(proxied.name()) + "simple/spelled-name/";

    for (String spelling : List.of("Spelled.Name/", "SPELLED_NAME/", "spelled-name")) {
      HttpResponse<String> redirect = nexus.anonymous().get("repository/" + proxied.name() + "/simple/" + spelling);
      assertEquals(301, redirect.statusCode(), spelling);
      assertEquals(canonical, redirect.headers().firstValue("Location").orElseThrow(), spelling);
    }
    List<String> html = filenames(proxied.pages().html("spelled-name"));
    List<String> json = filenames(proxied.pages().json("spelled-name"));

    assertEquals(List.of("spelled_name-2.0-py3-none-any.whl"), html);
    assertEquals(html, json);
    List<LoggedRequest> pageRequests = proxied.upstream().log().all().stream()
        .filter(request -> request.path().toLowerCase().contains("spelled")).toList();
    assertEquals(List.of("/simple/spelled-name/"), pageRequests.stream().map(LoggedRequest::path).toList());
  }

  @ParameterizedTest
  @EnumSource(Upstream.class)
  void theRootPageListsUpstreamsProjectsInBothFormats(final Upstream kind) throws IOException {
    Proxied proxied = PROXIES.get(kind);

    for (SimpleFormat format : SimpleFormat.values()) {
      assertEquals(List.of(NORMALIZED, "spelled-name"), rootNames(proxied, format), format.name());
    }
    assertEquals(1, proxied.upstream().log().to("/simple/").size(), "one upstream page serves every format");
  }

  /** A client drops a page of another type than it asked for (pip's "_NotAPIContent"), as if there were none. */
  @ParameterizedTest
  @EnumSource(SimpleFormat.class)
  void theRootPageComesAsTheTypeAskedFor(final SimpleFormat format) {
    Proxied proxied = PROXIES.get(Upstream.PEP_691);

    HttpResponse<String> root = root(proxied, format);

    assertEquals(200, root.statusCode());
    assertEquals(format.mediaType(), root.headers().firstValue("Content-Type").orElse("").split(";")[0]);
  }

  private static HttpResponse<String> root(final Proxied proxied, final SimpleFormat format) {
    NexusHttp http = nexus.anonymous();
    return http.send(http.request("repository/" + proxied.name() + "/simple/").header("Accept", format.mediaType())
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The names on the root page, read as the format asked for whatever type it came as. */
  private static List<String> rootNames(final Proxied proxied, final SimpleFormat format) throws IOException {
    HttpResponse<String> root = root(proxied, format);
    assertEquals(200, root.statusCode(), format.name());
    List<String> names = new ArrayList<>();
    if (format.isJson()) {
      SimpleJsonParser.parseIndex(new ByteArrayInputStream(root.body().getBytes(StandardCharsets.UTF_8)),
          entry -> names.add(entry.normalizedName()));
    }
    else {
      SimpleHtmlParser.parseIndex(new StringReader(root.body()), entry -> names.add(entry.normalizedName()));
    }
    return names;
  }

  private static String expectedRequiresPython(final FakeFile file) {
    return file.filename().contains("-0.9") ? ">=3.7, <4" : ">=3.8";
  }

  private static Yank expectedYank(final FakeFile file) {
    if (file.filename().endsWith(".tar.gz")) {
      return new Yank("Broken build: use 1.0.1 & <b>nothing</b> else");
    }
    return file.filename().contains("-0.9") ? Yank.WITHOUT_REASON : null;
  }

  /** Upstream's metadata hash where it has one; a wheel without gets the proxy's own; an sdist none. */
  private static CoreMetadataRef expectedCoreMetadata(final FakeFile file) {
    if (file.coreMetadata() != null) {
      return CoreMetadataRef.sha256(LocalDistribution.sha256(file.coreMetadata()));
    }
    return file.filename().endsWith(".whl") ? CoreMetadataRef.WITHOUT_HASH : null;
  }

  private static List<String> filenames(final ProjectPage page) {
    return page.files().stream().map(DistributionLink::filename).toList();
  }
}
