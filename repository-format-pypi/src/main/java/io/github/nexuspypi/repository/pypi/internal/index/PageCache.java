package io.github.nexuspypi.repository.pypi.internal.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

import io.github.nexuspypi.core.index.SimpleFormat;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

/**
 * Pages (rendered, or what they are rendered from) by project and format, so that a page is built from the database
 * or the members once per change rather than on every request.
 *
 * A page built while its project changed must never be served as current. Each change takes a number from one
 * counter and records it against the project; a page remembers the counter as it was when its build began, and is
 * current only while no change to its project (or to all projects) has a higher number. That holds however a
 * build and a change interleave, without locks.
 *
 * Changes are recorded for the projects changed last, at most twice {@link #RECORDED_CHANGES}, not for every
 * project ever changed: a proxy records one per project it fetches a page of, and the record grew with every
 * distinct project passing through. Older records are forgotten in bulk; the pages a forgotten change outdated go
 * with it, and a change newer than a build still under way is kept until that build is done, so that no page built
 * before a forgotten change is served. A floor below which no page is current would do that with less, but it
 * outdated every page kept longer than the record goes back: a proxy's hot set, rebuilt at once every 10 000
 * distinct projects.
 *
 * A build may change its own project: a proxy's first request for a page stores upstream's copy, then renders that
 * copy. Content events are delivered on the committing thread, so such a change comes on the building thread; the
 * page reflects it, and is current from that change on, unless another thread changed the project (or all) while
 * it was built. Otherwise every proxy page would be rendered twice, its first build outdated by its own store.
 */
public class PageCache<V>
{
  /** The key of the root page, which no project name can equal. */
  public static final String ROOT = "/";

  // About a hundred bytes each: a few MiB at most, against tens of MiB of pages.
  static final long RECORDED_CHANGES = 10_000;

  /**
   * What an entry holds besides its page and the letters of its project's name, from a class histogram of a proxy's
   * cache (docs/benchmarks.md): Guava's entry and value reference (72 bytes), our key, entry and freshness (72), the
   * optional page (16), the name's string and its array's header (40). Weighed lower, entries without a page (a
   * project that does not exist) held up to four times the cache's weight.
   */
  static final int ENTRY_BYTES = 200;

  // A group keeps a page once for all formats, under none.
  private static final List<SimpleFormat> FORMATS_AND_NONE = formatsAndNone();

  private final Cache<Key, Entry<V>> pages;

  private final AtomicLong counter = new AtomicLong();

  private final ConcurrentMap<String, Long> lastChange = new ConcurrentHashMap<>();

  private final long recordedChanges;

  private volatile long lastChangeToAll;

  // Numbering a change and telling the builds under way of it happen at once, or a change could slip between.
  private final Object changing = new Object();

  private final List<Build> underWay = new ArrayList<>();

  /** @param weight what a page costs the cache, in bytes */
  public PageCache(final long maximumBytes, final ToIntFunction<V> weight) {
    this(maximumBytes, weight, RECORDED_CHANGES);
  }

  PageCache(final long maximumBytes, final ToIntFunction<V> weight, final long recordedChanges) {
    this.pages = CacheBuilder.newBuilder()
        .maximumWeight(maximumBytes)
        .weigher((Key key, Entry<V> entry) -> entry.built.page.map(weight::applyAsInt).orElse(0) + ENTRY_BYTES
            + key.project.length())
        .build();
    this.recordedChanges = recordedChanges;
  }

  /** For rendered pages. */
  public static PageCache<RenderedPage> ofRendered(final long maximumBytes) {
    return new PageCache<>(maximumBytes, RenderedPage::weight);
  }

  /** Builds a page; throws what its source throws, so that a builder that cannot fail needs no catch. */
  @FunctionalInterface
  public interface Builder<V, E extends Exception>
  {
    Optional<V> build() throws E;
  }

  /** For pages whose source is itself a cache with an age limit: a proxy's copy of upstream's page. */
  @FunctionalInterface
  public interface ExpiringBuilder<V, E extends Exception>
  {
    Expiring<V> build() throws E;
  }

  /** A page, or that there is none, good until a moment as well as until the next change. */
  public static final class Expiring<V>
  {
    private final Optional<V> page;

    private final Instant freshUntil;

    public Expiring(final Optional<V> page, final Instant freshUntil) {
      this.page = page;
      this.freshUntil = freshUntil;
    }

    public Optional<V> page() {
      return page;
    }

    public Instant freshUntil() {
      return freshUntil;
    }
  }

  /** The current page, built when missing or outdated; empty when the project does not exist. */
  public <E extends Exception> Optional<V> get(final String project, final SimpleFormat format,
                                               final Builder<V, E> builder) throws E
  {
    return getExpiring(project, format, () -> new Expiring<>(builder.build(), Instant.MAX)).page;
  }

  /**
   * As {@link #get(String, SimpleFormat, Builder)}, for a page that also expires; with the moment it does.
   *
   * @param format {@code null} for a page kept once for all formats
   */
  public <E extends Exception> Expiring<V> getExpiring(final String project, final SimpleFormat format,
                                                       final ExpiringBuilder<V, E> builder) throws E
  {
    Key key = new Key(project, format);
    Entry<V> cached = pages.getIfPresent(key);
    if (cached != null && isCurrent(project, cached.builtAt) && Instant.now().isBefore(cached.built.freshUntil)) {
      return cached.built;
    }
    Build build = new Build(project);
    synchronized (changing) {
      underWay.add(build);
      build.builtAt = counter.get();
    }
    try {
      Expiring<V> built = builder.build();
      // Before the build stops holding back the forgetting of the changes it may not have seen.
      if (Instant.now().isBefore(built.freshUntil)) {
        pages.put(key, new Entry<>(built, build.builtAt));
      }
      else {
        // Due already (a proxy's answer that upstream has no such project): it would never be served, only weigh.
        pages.invalidate(key);
      }
      return built;
    }
    finally {
      synchronized (changing) {
        underWay.remove(build);
      }
    }
  }

  /** A change to one project: its page and the root page are rebuilt when next asked for. */
  public void changed(final String project) {
    synchronized (changing) {
      long change = counter.incrementAndGet();
      lastChange.put(project, change);
      lastChange.put(ROOT, change);
      underWay.forEach(build -> build.changed(project, change));
    }
    if (lastChange.size() > 2 * recordedChanges) {
      forgetOldChanges();
    }
  }

  /**
   * Keeps the newest {@link #recordedChanges}, and those newer than a build under way; the pages built before a
   * forgotten change go with it.
   */
  private void forgetOldChanges() {
    synchronized (changing) {
      if (lastChange.size() <= 2 * recordedChanges) {
        return;
      }
      long[] changes = lastChange.values().stream().mapToLong(Long::longValue).sorted().toArray();
      long newestForgotten = changes[(int) (changes.length - recordedChanges - 1)];
      for (Build build : underWay) {
        newestForgotten = Math.min(newestForgotten, build.builtAt);
      }
      long forgetting = newestForgotten;
      lastChange.entrySet().removeIf(record -> record.getValue() <= forgetting && forgetPages(record.getKey(),
          record.getValue()));
    }
  }

  /** Drops the project's pages built before its change; true, so that it can go in a filter. */
  private boolean forgetPages(final String project, final long change) {
    for (SimpleFormat format : FORMATS_AND_NONE) {
      Key key = new Key(project, format);
      Entry<V> entry = pages.getIfPresent(key);
      if (entry != null && entry.builtAt < change) {
        pages.asMap().remove(key, entry);
      }
    }
    return true;
  }

  public void changedAll() {
    synchronized (changing) {
      lastChangeToAll = counter.incrementAndGet();
      underWay.forEach(Build::changedByOthers);
    }
  }

  private static List<SimpleFormat> formatsAndNone() {
    List<SimpleFormat> formats = new ArrayList<>(List.of(SimpleFormat.values()));
    formats.add(null);
    return formats;
  }

  private boolean isCurrent(final String project, final long builtAt) {
    return lastChange.getOrDefault(project, 0L) <= builtAt && lastChangeToAll <= builtAt;
  }

  int changesRecorded() {
    return lastChange.size();
  }

  long pagesKept() {
    pages.cleanUp();
    return pages.size();
  }

  private static final class Key
  {
    private final String project;

    private final SimpleFormat format;

    private Key(final String project, final SimpleFormat format) {
      this.project = project;
      this.format = format;
    }

    @Override
    public boolean equals(final Object other) {
      return other instanceof Key && ((Key) other).project.equals(project) && ((Key) other).format == format;
    }

    @Override
    public int hashCode() {
      return project.hashCode() * 31 + Objects.hashCode(format);
    }
  }

  /** A page being built, and the change it is current from: its own last change, unless others changed it. */
  private static final class Build
  {
    private final String project;

    private final Thread builder = Thread.currentThread();

    private long builtAt;

    private boolean changedByOthers;

    private Build(final String project) {
      this.project = project;
    }

    private void changed(final String changedProject, final long change) {
      if (!changedProject.equals(project) && !project.equals(ROOT)) {
        return;
      }
      if (Thread.currentThread() != builder) {
        changedByOthers();
      }
      else if (!changedByOthers) {
        builtAt = change;
      }
    }

    private void changedByOthers() {
      changedByOthers = true;
    }
  }

  private static final class Entry<V>
  {
    private final Expiring<V> built;

    private final long builtAt;

    private Entry(final Expiring<V> built, final long builtAt) {
      this.built = built;
      this.builtAt = builtAt;
    }
  }
}
