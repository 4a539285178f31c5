package io.github.nexuspypi.repository.pypi.internal.index;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.nexuspypi.core.index.SimpleFormat;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageCacheTest
{
  private final PageCache<RenderedPage> cache = PageCache.ofRendered(1024 * 1024);

  private final AtomicInteger builds = new AtomicInteger();

  private Optional<RenderedPage> page(final String body) {
    builds.incrementAndGet();
    return Optional.of(RenderedPage.of(body.getBytes(StandardCharsets.UTF_8), SimpleFormat.TEXT_HTML, Instant.EPOCH));
  }

  private String get(final String project, final String bodyIfBuilt) throws Exception {
    return cache.get(project, SimpleFormat.TEXT_HTML, () -> page(bodyIfBuilt))
        .map(page -> new String(page.body(), StandardCharsets.UTF_8)).orElse(null);
  }

  @Test
  void buildsOnceUntilTheProjectChanges() throws Exception {
    assertEquals("v1", get("foo", "v1"));
    assertEquals("v1", get("foo", "v2"));
    assertEquals(1, builds.get());

    cache.changed("foo");

    assertEquals("v2", get("foo", "v2"));
    assertEquals(2, builds.get());
  }

  @Test
  void aChangeToOneProjectKeepsOthersAndOutdatesTheRoot() throws Exception {
    get("foo", "foo");
    get("bar", "bar");
    get(PageCache.ROOT, "root1");

    cache.changed("foo");

    assertEquals("bar", get("bar", "other"));
    assertEquals("root2", get(PageCache.ROOT, "root2"));
  }

  @Test
  void changedAllOutdatesEveryPage() throws Exception {
    get("foo", "foo1");
    get("bar", "bar1");

    cache.changedAll();

    assertEquals("foo2", get("foo", "foo2"));
    assertEquals("bar2", get("bar", "bar2"));
  }

  /** A change another thread commits, as an upload's does, while the caller waits. */
  private void changedElsewhere(final Runnable change) throws InterruptedException {
    Thread other = new Thread(change);
    other.start();
    other.join();
  }

  @Test
  void aPageBuiltWhileItsProjectChangedIsNotServedAgain() throws Exception {
    // The change commits while the build reads the old content: that build's result must not survive.
    String stale = cache.get("foo", SimpleFormat.TEXT_HTML, () -> {
      changedElsewhere(() -> cache.changed("foo"));
      return page("stale");
    }).map(page -> new String(page.body(), StandardCharsets.UTF_8)).orElseThrow();
    assertEquals("stale", stale);

    assertEquals("fresh", get("foo", "fresh"));
  }

  /** A proxy's first request stores upstream's page, then renders it: that page is current. */
  @Test
  void aPageBuiltAfterItsOwnChangeIsKept() throws Exception {
    cache.get("foo", SimpleFormat.TEXT_HTML, () -> {
      cache.changed("foo");
      return page("stored then rendered");
    });

    assertEquals("stored then rendered", get("foo", "again"));
    assertEquals(1, builds.get());
  }

  @Test
  void aPageWhoseProjectOthersChangedWhileItWasBuiltIsBuiltAgainDespiteItsOwnChange() throws Exception {
    cache.get("foo", SimpleFormat.TEXT_HTML, () -> {
      changedElsewhere(() -> cache.changed("foo"));
      cache.changed("foo");
      return page("stale");
    });

    assertEquals("fresh", get("foo", "fresh"));
  }

  @Test
  void aPageBuiltWhileAllChangedIsBuiltAgainDespiteItsOwnChange() throws Exception {
    cache.get("foo", SimpleFormat.TEXT_HTML, () -> {
      changedElsewhere(cache::changedAll);
      cache.changed("foo");
      return page("stale");
    });

    assertEquals("fresh", get("foo", "fresh"));
  }

  @Test
  void aChangeOthersMakeAfterTheOwnOneOutdatesThePage() throws Exception {
    cache.get("foo", SimpleFormat.TEXT_HTML, () -> {
      cache.changed("foo");
      changedElsewhere(() -> cache.changed("foo"));
      return page("stale");
    });

    assertEquals("fresh", get("foo", "fresh"));
  }

  @Test
  void anotherProjectsChangeDuringTheBuildDoesNotOutdateIt() throws Exception {
    cache.get("foo", SimpleFormat.TEXT_HTML, () -> {
      changedElsewhere(() -> cache.changed("bar"));
      cache.changed("foo");
      return page("kept");
    });

    assertEquals("kept", get("foo", "rebuilt"));
  }

  /** A proxy records a change per project it fetches: the record is bounded, whatever passes through. */
  @Test
  void changesAreRecordedForTheProjectsChangedLastOnly() {
    PageCache<RenderedPage> small = new PageCache<>(1024 * 1024, RenderedPage::weight, 4);

    for (int project = 0; project < 1_000; project++) {
      small.changed("project-" + project);
    }

    assertTrue(small.changesRecorded() <= 2 * 4 + 1, String.valueOf(small.changesRecorded()));
  }

  @Test
  void aForgottenChangeStillOutdatesThePagesBuiltBeforeIt() throws Exception {
    PageCache<RenderedPage> small = new PageCache<>(1024 * 1024, RenderedPage::weight, 4);
    small.get("foo", SimpleFormat.TEXT_HTML, () -> page("v1"));
    small.changed("foo");

    for (int project = 0; project < 100; project++) {
      small.changed("project-" + project);
    }
    String served = small.get("foo", SimpleFormat.TEXT_HTML, () -> page("v2"))
        .map(page -> new String(page.body(), StandardCharsets.UTF_8)).orElseThrow();

    assertEquals("v2", served);
  }

  /** A proxy's hot set, fetched long ago, outlives the records of its fetches while others pass through. */
  @Test
  void aCurrentPageOutlivesTheRecordOfItsChange() throws Exception {
    PageCache<RenderedPage> small = new PageCache<>(1024 * 1024, RenderedPage::weight, 4);
    small.changed("foo");
    small.get("foo", SimpleFormat.TEXT_HTML, () -> page("v1"));

    for (int project = 0; project < 100; project++) {
      small.changed("project-" + project);
    }
    small.get("foo", SimpleFormat.TEXT_HTML, () -> page("v2"));

    assertEquals(1, builds.get());
  }

  @Test
  void aChangeDuringABuildIsNotForgottenBeforeTheBuildIsDone() throws Exception {
    PageCache<RenderedPage> small = new PageCache<>(1024 * 1024, RenderedPage::weight, 4);
    small.get("foo", SimpleFormat.TEXT_HTML, () -> {
      changedElsewhere(() -> {
        small.changed("foo");
        for (int project = 0; project < 100; project++) {
          small.changed("project-" + project);
        }
      });
      return page("stale");
    });
    for (int project = 100; project < 200; project++) {
      small.changed("project-" + project);
    }

    String served = small.get("foo", SimpleFormat.TEXT_HTML, () -> page("fresh"))
        .map(page -> new String(page.body(), StandardCharsets.UTF_8)).orElseThrow();

    assertEquals("fresh", served);
  }

  @Test
  void aPageBuiltAfterTheForgottenChangesIsKept() throws Exception {
    PageCache<RenderedPage> small = new PageCache<>(1024 * 1024, RenderedPage::weight, 4);
    for (int project = 0; project < 100; project++) {
      small.changed("project-" + project);
    }

    small.get("foo", SimpleFormat.TEXT_HTML, () -> page("v1"));
    small.changed("bar");
    small.get("foo", SimpleFormat.TEXT_HTML, () -> page("v2"));

    assertEquals(1, builds.get());
  }

  @Test
  void formatsAreCachedApart() throws Exception {
    get("foo", "html");
    String json = cache.get("foo", SimpleFormat.JSON_V1, () -> page("json"))
        .map(page -> new String(page.body(), StandardCharsets.UTF_8)).orElseThrow();
    assertEquals("json", json);
  }

  @Test
  void remembersThatAProjectDoesNotExist() throws Exception {
    assertTrue(cache.get("nope", SimpleFormat.TEXT_HTML, () -> {
      builds.incrementAndGet();
      return Optional.empty();
    }).isEmpty());
    assertTrue(cache.get("nope", SimpleFormat.TEXT_HTML, () -> page("x")).isEmpty());
    assertEquals(1, builds.get());
  }

  @Test
  void anExpiringPageIsServedUntilItsTimeAndThenBuiltAgain() throws Exception {
    Instant inAnHour = Instant.now().plusSeconds(3600);
    cache.getExpiring("foo", SimpleFormat.TEXT_HTML, () -> new PageCache.Expiring<>(page("fresh"), inAnHour));
    PageCache.Expiring<RenderedPage> served = cache.getExpiring("foo", SimpleFormat.TEXT_HTML,
        () -> new PageCache.Expiring<>(page("other"), Instant.MAX));
    assertEquals("fresh", text(served));
    assertEquals(inAnHour, served.freshUntil());

    cache.getExpiring("bar", SimpleFormat.TEXT_HTML,
        () -> new PageCache.Expiring<>(page("due"), Instant.now().minusSeconds(1)));
    PageCache.Expiring<RenderedPage> rebuilt = cache.getExpiring("bar", SimpleFormat.TEXT_HTML,
        () -> new PageCache.Expiring<>(page("again"), Instant.MAX));
    assertEquals("again", text(rebuilt));
  }

  @Test
  void aPageDueAlreadyIsNotKept() throws Exception {
    for (int project = 0; project < 100; project++) {
      cache.getExpiring("missing-" + project, SimpleFormat.TEXT_HTML,
          () -> new PageCache.Expiring<>(Optional.empty(), Instant.now()));
    }
    assertEquals(0, cache.pagesKept());
  }

  @Test
  void anEntryWithoutAPageWeighsWhatItHolds() throws Exception {
    String tenLetters = "project-%02d";
    PageCache<RenderedPage> small = PageCache.ofRendered(10 * (PageCache.ENTRY_BYTES + 10));
    for (int project = 0; project < 100; project++) {
      small.get(String.format(tenLetters, project), SimpleFormat.TEXT_HTML, Optional::empty);
    }
    assertTrue(small.pagesKept() <= 10, small.pagesKept() + " entries kept");
  }

  @Test
  void aPageKeptForAllFormatsIsOneEntry() throws Exception {
    cache.getExpiring("foo", null, () -> new PageCache.Expiring<>(page("both"), Instant.MAX));
    PageCache.Expiring<RenderedPage> again = cache.getExpiring("foo", null,
        () -> new PageCache.Expiring<>(page("other"), Instant.MAX));
    assertEquals("both", text(again));

    cache.changed("foo");
    assertEquals("rebuilt", text(cache.getExpiring("foo", null,
        () -> new PageCache.Expiring<>(page("rebuilt"), Instant.MAX))));
  }

  private static String text(final PageCache.Expiring<RenderedPage> entry) {
    return new String(entry.page().orElseThrow().body(), StandardCharsets.UTF_8);
  }
}
