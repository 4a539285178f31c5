package io.github.nexuspypi.it.proxy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.NexusLogExcerpt;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.upstream.FakeIndex;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.github.nexuspypi.it.nexus.ProxySettings.autoBlock;
import static io.github.nexuspypi.it.nexus.ProxySettings.timeoutSeconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An upstream that fails while a page is asked for: the proxy serves the page it has, however stale, and answers a
 * clear error for one it has never had, which it does not remember; a project upstream does not have is a 404 that
 * the proxy remembers. Auto-blocking is off, so that each fault meets the proxy as the first one would; a test of its
 * own shows what auto-blocking adds.
 */
@NexusTest
class ProxyPageFaultsIT
{
  /** The proxy's connection timeout: upstream's {@link PageFault#SLOW} waits well beyond it. */
  private static final int TIMEOUT_SECONDS = 2;

  private static Nexus nexus;

  private static FakeIndex upstream;

  private static String proxy;

  private static IndexPages pages;

  /** How upstream fails, and the status the proxy answers for a page it has no copy of. */
  enum PageFault
  {
    SLOW(502, upstream -> upstream.indexHost().everywhere().slow(Duration.ofSeconds(4 * TIMEOUT_SECONDS))),
    STATUS_500(503, upstream -> upstream.indexHost().everywhere().status(500)),
    MALFORMED_JSON(502, upstream -> upstream.indexHost().everywhere().malformed()),
    MALFORMED_HTML(502, upstream -> upstream.htmlOnly(true).indexHost().everywhere().malformed()),
    REDIRECT_LOOP(502, upstream -> upstream.indexHost().everywhere().redirectLoop()),
    CONNECTION_RESET(502, upstream -> upstream.indexHost().everywhere().connectionReset()),
    DOWN(502, upstream -> {
      upstream.indexHost().down();
      upstream.filesHost().down();
    });

    final int statusWithoutCopy;

    final Consumer<FakeIndex> apply;

    PageFault(final int statusWithoutCopy, final Consumer<FakeIndex> apply) {
      this.statusWithoutCopy = statusWithoutCopy;
      this.apply = apply;
    }

    String slug() {
      return name().toLowerCase().replace('_', '-');
    }

    static void clear(final FakeIndex upstream) {
      upstream.indexHost().up();
      upstream.filesHost().up();
      upstream.htmlOnly(false);
      upstream.indexHost().clearFaults();
    }
  }

  @BeforeAll
  static void proxyTheFakeIndex() {
    upstream = FakeIndex.start();
    proxy = nexus.uniqueName("pypi-proxy-faults");
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", proxy, upstream.uri().toString())
        .with(autoBlock(false).andThen(timeoutSeconds(TIMEOUT_SECONDS))));
    pages = new IndexPages(nexus.anonymous(), proxy);
  }

  @AfterAll
  static void stopTheFakeIndex() {
    upstream.close();
  }

  @ParameterizedTest
  @EnumSource(PageFault.class)
  void aCachedPageOutlivesTheFaultAndAPageNeverCachedIsAnError(final PageFault fault) {
    String cached = "cached-" + fault.slug();
    String uncached = "uncached-" + fault.slug();
    publish(cached);
    publish(uncached);
    ProjectPage before = pages.json(cached);

    fault.apply.accept(upstream);
    try {
      // Every page is now due for a refresh: the next request asks upstream, which fails.
      nexus.admin().invalidateCache(proxy);
      int asked = upstream.log().to("/simple/" + cached + "/").size();
      NexusLogExcerpt log = NexusLogExcerpt.startingNow(nexus.installation());

      assertEquals(filenames(before), filenames(pages.json(cached)));
      assertEquals(filenames(before), filenames(pages.html(cached)));
      assertFalse(log.linesWith("WARN", "Proxy " + proxy + " serves its cached copy of /simple/" + cached + "/")
          .isEmpty(), () -> String.join("\n", log.lines()));
      HttpResponse<String> failed = nexus.anonymous().get("repository/" + proxy + "/simple/" + uncached + "/");

      assertEquals(fault.statusWithoutCopy, failed.statusCode(), failed::body);
      assertTrue(failed.body().contains("this proxy has no copy of the page"), failed::body);
      if (fault != PageFault.DOWN) {
        assertTrue(upstream.log().to("/simple/" + cached + "/").size() > asked, "upstream was asked again");
      }
      assertFalse(log.linesWith("WARN", proxy, "simple/" + uncached + "/", "content not in cache").isEmpty(),
          () -> String.join("\n", log.lines()));
    }
    finally {
      PageFault.clear(upstream);
    }
    // The error was not remembered: once upstream is well again, so is the page.
    assertEquals(200, pages.status(uncached));
  }

  @Test
  void aProjectUpstreamDoesNotHaveIsNotFoundAndRememberedSo() {
    assertEquals(404, pages.status("not-upstream"));
    assertEquals(404, pages.status("not-upstream"));
    assertEquals(1, upstream.log().to("/simple/not-upstream/").size(), "the second 404 came from the cache");

    publish("not-upstream");
    assertEquals(404, pages.status("not-upstream"), "remembered for the negative cache's time to live");
    nexus.admin().invalidateCache(proxy);
    assertEquals(200, pages.status("not-upstream"));
    assertEquals(2, upstream.log().to("/simple/not-upstream/").size());
  }

  /** PEP 503 requires every index to have a root page: an upstream without one is a broken gateway. */
  @Test
  void aRootPageUpstreamDoesNotHaveIsABadGateway() {
    upstream.indexHost().at("/simple/").status(404);
    try {
      HttpResponse<String> root = nexus.anonymous().get("repository/" + proxy + "/simple/");

      assertEquals(502, root.statusCode(), root::body);
      assertTrue(root.body().contains("Upstream has no root page"), root::body);
    }
    finally {
      upstream.indexHost().clearFaults();
    }
    // Not remembered: upstream's next answer counts.
    assertEquals(200, nexus.anonymous().get("repository/" + proxy + "/simple/").statusCode());
  }

  /**
   * With auto-blocking on (Nexus's default), a 5xx blocks the remote: for a while the proxy does not ask upstream
   * at all, serves what it has, and answers 404 for what it has not, as Nexus's own proxies do so that a group asks
   * its other members.
   */
  @Test
  void whileUpstreamIsAutoBlockedCachedPagesAreServedAndOthersAreNotFound() {
    String blocking = nexus.uniqueName("pypi-proxy-autoblock");
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", blocking, upstream.uri().toString()));
    IndexPages blockingPages = new IndexPages(nexus.anonymous(), blocking);
    publish("blocked-cached");
    publish("blocked-failing");
    publish("blocked-later");
    ProjectPage before = blockingPages.json("blocked-cached");

    upstream.indexHost().at("/simple/blocked-failing/").status(500);
    try {
      assertEquals(503, blockingPages.status("blocked-failing"));
    }
    finally {
      upstream.indexHost().clearFaults();
    }

    HttpResponse<String> blocked = nexus.anonymous().get("repository/" + blocking + "/simple/blocked-later/");
    assertEquals(404, blocked.statusCode());
    assertTrue(blocked.body().contains("Remote Auto Blocked"), blocked::body);
    assertEquals(0, upstream.log().to("/simple/blocked-later/").size(), "a blocked remote is not asked");
    nexus.admin().invalidateCache(blocking);
    assertEquals(filenames(before), filenames(blockingPages.json("blocked-cached")));
  }

  private static void publish(final String project) {
    WheelBuilder wheel = WheelBuilder.of(project, "1.0");
    upstream.project(project).file(wheel.fileName(), wheel.toBytes());
  }

  private static List<String> filenames(final ProjectPage page) {
    return page.files().stream().map(DistributionLink::filename).toList();
  }
}
