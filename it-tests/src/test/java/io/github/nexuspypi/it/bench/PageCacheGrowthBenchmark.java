package io.github.nexuspypi.it.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.HeapUsage;
import io.github.nexuspypi.it.nexus.NexusHttp;
import io.github.nexuspypi.it.nexus.NexusLogExcerpt;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.upstream.FakeIndex;
import org.junit.jupiter.api.Test;

import static io.github.nexuspypi.it.bench.ProjectPageGrowthBenchmark.f;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A proxy's page cache as many distinct projects pass through it (20 000 by default: at the 20 to 30 first
 * requests a second this machine manages, 100 000 would take an hour): each asked for once (a miss, which fetches
 * upstream's page), with a hot set of projects asked for in between, as a busy proxy sees pip's traffic. The cache
 * is weighed in bytes (32 MiB per repository); Nexus's live heap must grow by no more than that, and the hot set's
 * pages must stay in it while the others stream past.
 *
 * A request is known to be a hit by its page's {@code Last-Modified}, which is the moment the page was rendered:
 * a rebuilt page has a later one. So that a rebuild within the same second is not taken for a hit, a hot request is
 * only counted once its page is {@link #UNDECIDED} old.
 */
@NexusTest
class PageCacheGrowthBenchmark
{
  private static final int PROJECTS = BenchmarkSettings.integers("benchmark.growth.cacheProjects", "20000").get(0);

  private static final int HOT = 500;

  // Pages of some 10 KiB: a few thousand fill the cache, so that most of the run evicts.
  private static final int FILES = 40;

  private static final int CLIENTS = 8;

  private static final int CHECKPOINTS = 10;

  private static final long CACHE_BYTES = 32L * 1024 * 1024;

  private static final Duration UNDECIDED = Duration.ofSeconds(2);

  private static final Duration HEAP_SAMPLE_INTERVAL = Duration.ofMillis(500);

  private Nexus nexus;

  private record Checkpoint(int touched, double pagesPerSecond, long hotHits, long hotMisses, long hotUndecided,
                            HeapUsage peak, HeapUsage live)
  {
    double hitRate() {
      return hotHits + hotMisses == 0 ? Double.NaN : 100.0 * hotHits / (hotHits + hotMisses);
    }
  }

  /** The hot set's pages as last seen, and how often they were found current or rebuilt. */
  private static final class HotSet
  {
    private final ConcurrentMap<Integer, Instant> rendered = new ConcurrentHashMap<>();

    private final AtomicInteger next = new AtomicInteger();

    private final AtomicLong hits = new AtomicLong();

    private final AtomicLong misses = new AtomicLong();

    private final AtomicLong undecided = new AtomicLong();

    void resetCounts() {
      hits.set(0);
      misses.set(0);
      undecided.set(0);
    }

    int nextProject() {
      return Math.floorMod(next.getAndIncrement(), HOT);
    }

    void seen(final int project, final Instant lastModified) {
      Instant before = rendered.put(project, lastModified);
      if (before == null) {
        return;
      }
      if (Instant.now().isBefore(before.plus(UNDECIDED))) {
        undecided.incrementAndGet();
      }
      else if (lastModified.equals(before)) {
        hits.incrementAndGet();
      }
      else {
        misses.incrementAndGet();
      }
    }
  }

  private static String cold(final int index) {
    return "cache-cold-" + index;
  }

  private static String hot(final int index) {
    return "cache-hot-" + index;
  }

  @Test
  void aProxysPageCacheOverManyDistinctProjects() throws Exception {
    ProcessHandle server = nexus.installation().runningProcess().orElseThrow();
    BenchmarkRecord record = BenchmarkRecord.start(server);
    BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
    NexusLogExcerpt log = NexusLogExcerpt.startingNow(nexus.installation());
    nexus.admin().setAnonymousAccess(true);
    ClassHistograms histograms = ClassHistograms.fromSystemProperties();
    List<Checkpoint> checkpoints = new ArrayList<>();
    HeapUsage baseline;
    long pageBytes;
    try (FakeIndex upstream = FakeIndex.start()) {
      for (int i = 0; i < PROJECTS; i++) {
        upstream.generatedProject(cold(i), FILES);
      }
      for (int i = 0; i < HOT; i++) {
        upstream.generatedProject(hot(i), FILES);
      }
      String proxy = nexus.uniqueName("pypi-growth-cache");
      nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", proxy, upstream.uri().toString()));
      NexusHttp http = nexus.anonymous();
      String pages = "repository/" + proxy + "/simple/";
      baseline = LiveHeap.of(server, nexus.admin()::heap);
      histograms.write(server, "page-cache-0");
      HotSet hotSet = new HotSet();
      pageBytes = get(http, pages + hot(0) + "/").body().length;
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      try {
        // Once: a proxy page's first build, which stored upstream's page, is the one kept.
        run(clients, HOT, index -> hotSet.seen(index, lastModified(get(http, pages + hot(index) + "/"))));
        hotSet.resetCounts();
        int step = Math.max(1, PROJECTS / CHECKPOINTS);
        for (int from = 0; from < PROJECTS; from += step) {
          int start = from;
          int count = Math.min(step, PROJECTS - from);
          long hits = hotSet.hits.get();
          long misses = hotSet.misses.get();
          long undecided = hotSet.undecided.get();
          long began = System.nanoTime();
          HeapUsage peak;
          try (HeapSampler heap = HeapSampler.start(nexus.admin()::heap, HEAP_SAMPLE_INTERVAL)) {
            run(clients, count, index -> {
              get(http, pages + cold(start + index) + "/");
              int hotProject = hotSet.nextProject();
              hotSet.seen(hotProject, lastModified(get(http, pages + hot(hotProject) + "/")));
            });
            peak = heap.peak();
          }
          double seconds = (System.nanoTime() - began) / 1e9;
          checkpoints.add(new Checkpoint(start + count, 2 * count / seconds, hotSet.hits.get() - hits,
              hotSet.misses.get() - misses, hotSet.undecided.get() - undecided, peak,
              LiveHeap.of(server, nexus.admin()::heap)));
          System.out.println("page cache: " + checkpoints.get(checkpoints.size() - 1));
          histograms.write(server, "page-cache-" + (start + count));
        }
      }
      finally {
        clients.shutdownNow();
      }
      nexus.admin().deleteRepository(proxy);
    }
    assertEquals(List.of(), log.linesWith("OutOfMemoryError"), "nexus.log");
    report(record, settings, baseline, pageBytes, checkpoints);
  }

  @FunctionalInterface
  private interface Step
  {
    void run(int index) throws Exception;
  }

  /** Runs {@code count} steps on the clients, each index once, and waits for all; a failure fails the benchmark. */
  private static void run(final ExecutorService clients, final int count, final Step step) throws Exception {
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> running = new ArrayList<>();
    for (int client = 0; client < CLIENTS; client++) {
      running.add(clients.submit(() -> {
        for (int index = next.getAndIncrement(); index < count; index = next.getAndIncrement()) {
          step.run(index);
        }
        return null;
      }));
    }
    for (Future<?> client : running) {
      client.get();
    }
  }

  private static HttpResponse<byte[]> get(final NexusHttp http, final String path) {
    HttpRequest request = http.request(path).header("Accept", IndexPages.JSON).GET().build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new AssertionError(request.uri() + " answered " + response.statusCode());
    }
    return response;
  }

  private static Instant lastModified(final HttpResponse<?> response) {
    String header = response.headers().firstValue("Last-Modified")
        .orElseThrow(() -> new AssertionError(response.uri() + " has no Last-Modified"));
    return ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
  }

  private static void report(final BenchmarkRecord record, final BenchmarkSettings settings,
                             final HeapUsage baseline, final long pageBytes, final List<Checkpoint> checkpoints)
  {
    MarkdownTable table = new MarkdownTable("distinct projects touched", "pages/s (cold and hot)",
        "hot set: hits / rebuilt (not yet decidable)", "hot hit rate", "Nexus heap used, largest sample",
        "Nexus heap after a full GC", "growth since the proxy was made");
    for (Checkpoint c : checkpoints) {
      table.row(c.touched(), f(c.pagesPerSecond(), 0),
          c.hotHits() + " / " + c.hotMisses() + " (" + c.hotUndecided() + ")", f(c.hitRate(), 1) + " %",
          c.peak() == null ? "no sample" : mib(c.peak().used()), mib(c.live().used()),
          mib(c.live().used() - baseline.used()));
    }
    List<Integer> touched = checkpoints.stream().map(Checkpoint::touched).toList();
    SvgChart heap = new SvgChart("Page cache over distinct projects", "distinct projects touched",
        "MiB", false)
        .add(Curve.of("live heap growth", touched,
            checkpoints.stream().map(c -> (c.live().used() - baseline.used()) / 1048576.0).toList()))
        .add(Curve.of("the cache's weight", touched,
            checkpoints.stream().map(c -> CACHE_BYTES / 1048576.0).toList()));
    String markdown = record.header("A proxy's page cache over many distinct projects",
        "a proxy of the fake index, whose " + PROJECTS + " generated projects of " + FILES + " wheels each "
            + "(a page of " + f(pageBytes / 1024.0, 1) + " KiB as JSON) are each asked for once, by " + CLIENTS
            + " concurrent clients, each request followed by one for the next project of a hot set of " + HOT
            + " (each asked for once before, round robin); a hot request is a hit when its page's Last-Modified (the "
            + "moment it was rendered) is the one it had, counted only once that is " + UNDECIDED.toSeconds()
            + " s old; Nexus's heap read every " + HEAP_SAMPLE_INTERVAL.toMillis() + " ms, and after a full "
            + "collection (`jcmd <pid> GC.run`) at each checkpoint, against " + mib(baseline.used())
            + " after one once the proxy was made; the page cache is weighed at " + mib(CACHE_BYTES)
            + " per repository")
        + "\n" + table + "\n" + heap.writeBeside(settings.report(), "growth-page-cache.svg");
    System.out.println(markdown);
    MarkdownSection.write(settings.report(), "growth-page-cache", markdown);
  }

  private static String mib(final long bytes) {
    return f(bytes / 1048576.0, 1) + " MiB";
  }
}
