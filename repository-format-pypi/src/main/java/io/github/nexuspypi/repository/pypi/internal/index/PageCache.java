package io.github.nexuspypi.repository.pypi.internal.index;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.nexuspypi.core.index.SimpleFormat;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

/**
 * Rendered pages by project and format, so that a page is built from the database once per change rather than on
 * every request.
 *
 * A page built while its project changed must never be served as current. Each change takes a number from one
 * counter and records it against the project; a page remembers the counter as it was when its build began, and is
 * current only while no change to its project (or to all projects) has a higher number. That holds however a
 * build and a change interleave, without locks.
 */
public class PageCache
{
  /** The key of the root page, which no project name can equal. */
  public static final String ROOT = "/";

  private final Cache<Key, Entry> pages;

  private final AtomicLong counter = new AtomicLong();

  private final ConcurrentMap<String, Long> lastChange = new ConcurrentHashMap<>();

  private volatile long lastChangeToAll;

  public PageCache(final long maximumBytes) {
    this.pages = CacheBuilder.newBuilder()
        .maximumWeight(maximumBytes)
        .weigher((Key key, Entry entry) -> entry.page.map(RenderedPage::weight).orElse(64))
        .build();
  }

  @FunctionalInterface
  public interface Builder
  {
    Optional<RenderedPage> build() throws IOException;
  }

  /** The current page, built when missing or outdated; empty when the project does not exist. */
  public Optional<RenderedPage> get(final String project, final SimpleFormat format, final Builder builder)
      throws IOException
  {
    Key key = new Key(project, format);
    Entry cached = pages.getIfPresent(key);
    if (cached != null && isCurrent(project, cached.builtAt)) {
      return cached.page;
    }
    long builtAt = counter.get();
    Optional<RenderedPage> page = builder.build();
    pages.put(key, new Entry(page, builtAt));
    return page;
  }

  /** A change to one project: its page and the root page are rebuilt when next asked for. */
  public void changed(final String project) {
    long change = counter.incrementAndGet();
    lastChange.put(project, change);
    lastChange.put(ROOT, change);
  }

  public void changedAll() {
    lastChangeToAll = counter.incrementAndGet();
  }

  private boolean isCurrent(final String project, final long builtAt) {
    return lastChange.getOrDefault(project, 0L) <= builtAt && lastChangeToAll <= builtAt;
  }

  private record Key(String project, SimpleFormat format)
  {
  }

  private record Entry(Optional<RenderedPage> page, long builtAt)
  {
  }
}
