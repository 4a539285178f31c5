package io.github.nexuspypi.it.bench;

import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.HeapUsage;
import io.github.nexuspypi.it.nexus.NexusLogExcerpt;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.upstream.FakeIndex;
import io.github.nexuspypi.it.upstream.GeneratedProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a proxy's huge upstream page costs Nexus: the CPU time of the Nexus process (from the operating system)
 * around the first request of a page of {@value #FILES} files (fetch, conversion into the kept copy, rendering for
 * the client) and around later requests (rendering from the kept copy, as a page too large to hold is rendered at
 * every request), each per 10 000 files, in rounds of a project each.
 */
@NexusTest
class HugeProxyPageBenchmark
{
  private static final int FILES = 300_000;

  private static final int ROUNDS = 3;

  private Nexus nexus;

  private FakeIndex upstream;

  private String proxy;

  @BeforeEach
  void proxyAnUpstreamWithAHugePage() {
    upstream = FakeIndex.start();
    proxy = nexus.uniqueName("pypi-proxy-bench-huge");
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", proxy, upstream.uri().toString()));
  }

  @AfterEach
  void removeTheProxy() {
    nexus.admin().deleteRepository(proxy);
    upstream.close();
  }

  @Test
  void cpuPerTenThousandLinks() {
    BenchmarkRecord record = BenchmarkRecord.start(nexus.installation().runningProcess().orElseThrow());
    NexusLogExcerpt log = NexusLogExcerpt.startingNow(nexus.installation());

    List<Measured> first = new ArrayList<>();
    List<Measured> json = new ArrayList<>();
    List<Measured> html = new ArrayList<>();
    HeapUsage peak;
    try (HeapSampler heap = HeapSampler.start(nexus.admin()::heap, Duration.ofMillis(500))) {
      // A project per round, so that each round has a first request; short names keep the pages under 64 MiB.
      for (int round = 1; round <= ROUNDS; round++) {
        GeneratedProject project = upstream.generatedProject("bench" + round, FILES);
        first.add(measure(record.server(), project, IndexPages.JSON));
        json.add(measure(record.server(), project, IndexPages.JSON));
        html.add(measure(record.server(), project, IndexPages.HTML));
      }
      peak = heap.peak();
    }
    assertEquals(List.of(), log.linesWith("OutOfMemoryError"), "nexus.log");

    String markdown = record.header("A proxy's huge upstream page: CPU per 10 000 links",
        "a proxy of the fake index, whose generated project lists " + FILES + " wheels on a PEP 691 page of "
            + String.format(Locale.ROOT, "%.1f", median(first).bytes() / 1048576.0) + " MiB as served to the client;"
            + " the Nexus process's CPU time read from the operating system before and after each anonymous GET, the"
            + " body read whole by the client; " + ROUNDS + " rounds, each with a project of its own asked for"
            + " once, then again as JSON and as HTML; median of the rounds shown (the first round includes the JIT"
            + " compiling the code); Nexus's heap read every 500 ms")
        + "\n" + new MarkdownTable("request", "Nexus CPU", "per 10 000 links", "wall time")
            .row("first (fetch, convert, keep, render JSON)", seconds(median(first).cpu()),
                perTenThousand(median(first).cpu()), seconds(median(first).wall()))
            .row("later, JSON (render from the kept copy)", seconds(median(json).cpu()),
                perTenThousand(median(json).cpu()), seconds(median(json).wall()))
            .row("later, HTML (render from the kept copy)", seconds(median(html).cpu()),
                perTenThousand(median(html).cpu()), seconds(median(html).wall()))
        + "\nNexus heap, largest sample: " + (peak == null ? "no sample" : peak.describe())
        + "; OutOfMemoryError in nexus.log: none.\n";
    System.out.println(markdown);
    MarkdownSection.write(BenchmarkSettings.fromSystemProperties().report(), "huge-proxy-page", markdown);
  }

  private record Measured(Duration cpu, Duration wall, long bytes)
  {
  }

  private Measured measure(final ProcessHandle server, final GeneratedProject project, final String format) {
    Duration cpuBefore = cpu(server);
    long started = System.nanoTime();
    HttpResponse<InputStream> response = nexus.anonymous().send(
        nexus.anonymous().request("repository/" + proxy + "/simple/" + project.name() + "/")
            .header("Accept", format).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    long bytes;
    try (InputStream body = response.body()) {
      bytes = body.transferTo(OutputStream.nullOutputStream());
    }
    catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertEquals(200, response.statusCode(), format);
    return new Measured(cpu(server).minus(cpuBefore), Duration.ofNanos(System.nanoTime() - started), bytes);
  }

  private static Duration cpu(final ProcessHandle process) {
    return process.info().totalCpuDuration().orElseThrow();
  }

  private static Measured median(final List<Measured> measured) {
    List<Measured> sorted = new ArrayList<>(measured);
    Collections.sort(sorted, (a, b) -> a.cpu().compareTo(b.cpu()));
    return sorted.get(sorted.size() / 2);
  }

  private static String seconds(final Duration duration) {
    return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
  }

  private static String perTenThousand(final Duration cpu) {
    return String.format(Locale.ROOT, "%.0f ms", cpu.toNanos() / 1e6 / (FILES / 10_000.0));
  }
}
