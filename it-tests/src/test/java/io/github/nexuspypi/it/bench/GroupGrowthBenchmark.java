package io.github.nexuspypi.it.bench;

import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.nexuspypi.it.bench.ProjectPageGrowthBenchmark.f;
import static io.github.nexuspypi.it.bench.ProjectPageGrowthBenchmark.median;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A group's project page against its number of members (2, 5 and 10), with the dependency-confusion guard on and
 * off. The first member is a hosted repository holding the project, the others proxies of it that have kept its
 * page: with the guard on only the hosted member is asked, with it off every member is, and the answers merged.
 * Measured: the first request after an upload into the hosted member (a new merge), and the merged page cached.
 */
@NexusTest
class GroupGrowthBenchmark
{
  private static final List<Integer> MEMBERS = BenchmarkSettings.integers("benchmark.growth.members", "2,5,10");

  private static final int FILES = 30;

  private static final int ROUNDS = 3;

  private static final int CONNECTIONS = 4;

  private static final String PROJECT = "growthgroup";

  private Nexus nexus;

  @TempDir
  Path wheels;

  private static WheelBuilder wheel(final int index) {
    return WheelBuilder.of(PROJECT, "1." + index);
  }

  @Test
  void aGroupPageAgainstItsMembers() {
    ProcessHandle server = nexus.installation().runningProcess().orElseThrow();
    BenchmarkRecord record = BenchmarkRecord.start(server);
    BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
    nexus.admin().setAnonymousAccess(true);
    String hosted = nexus.uniqueName("pypi-growth-member");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", hosted, "allow_once"));
    ConcurrentUploads uploads = new ConcurrentUploads(nexus.http(), hosted, wheels, server);
    uploads.send(4, GroupGrowthBenchmark::wheel, 0, FILES);
    List<String> members = new ArrayList<>(List.of(hosted));
    while (members.size() < MEMBERS.stream().mapToInt(Integer::intValue).max().orElseThrow()) {
      String proxy = nexus.uniqueName("pypi-growth-member-proxy");
      nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", proxy,
          nexus.repositoryUri(hosted).toString()));
      members.add(proxy);
    }
    Map<String, String> groups = new LinkedHashMap<>();
    for (boolean guard : List.of(true, false)) {
      for (int size : MEMBERS) {
        String group = nexus.uniqueName("pypi-growth-group");
        nexus.admin().createRepository(RepositoryDefinition.group("pypi", group, members.subList(0, size))
            .with(root -> root.putObject("pypi").put("dependencyConfusionGuard", guard)));
        groups.put(group, size + " members, guard " + (guard ? "on" : "off"));
      }
    }
    PageProbe probe = new PageProbe(nexus.anonymous(), server, settings, CONNECTIONS);
    // Every proxy keeps the page before anything is measured: the merge is measured, not upstream fetches.
    groups.keySet().forEach(group -> probe.once(page(group), IndexPages.JSON));

    Map<String, List<Double>> first = new LinkedHashMap<>();
    int stored = FILES;
    for (int round = 0; round < ROUNDS; round++) {
      uploads.send(1, GroupGrowthBenchmark::wheel, stored, ++stored);
      // The hosted member's own page rebuilt first, so that each group's first request is its merge alone.
      probe.once(page(hosted), IndexPages.JSON);
      // Each round starts at another group, so that none is always first after the upload.
      List<String> order = new ArrayList<>(groups.keySet());
      Collections.rotate(order, -round);
      for (String group : order) {
        first.computeIfAbsent(group, key -> new ArrayList<>()).add(probe.once(page(group), IndexPages.JSON)
            .wallMillis());
      }
    }
    assertEquals(stored, new IndexPages(nexus.anonymous(), groups.keySet().iterator().next()).json(PROJECT).files()
        .size(), "files on the group's page");

    MarkdownTable table = new MarkdownTable("group", "first JSON after an upload (ms)",
        "cached JSON: req/s, Nexus CPU ms/req");
    Map<Boolean, List<Double>> firstByGuard = new LinkedHashMap<>();
    for (Map.Entry<String, String> group : groups.entrySet()) {
      LoadResult cached = probe.cached(page(group.getKey()), IndexPages.JSON);
      double firstMillis = median(first.get(group.getKey()));
      firstByGuard.computeIfAbsent(group.getValue().endsWith("on"), key -> new ArrayList<>()).add(firstMillis);
      table.row(group.getValue(), f(firstMillis, 1),
          f(cached.requestsPerSecond(), 0) + ", " + f(cached.serverCpuMillisPerRequest(), 2));
    }
    groups.keySet().forEach(nexus.admin()::deleteRepository);
    members.forEach(nexus.admin()::deleteRepository);

    SvgChart chart = new SvgChart("Group page, first request after an upload", "members", "ms", false)
        .add(Curve.of("guard on", MEMBERS, firstByGuard.get(true)))
        .add(Curve.of("guard off", MEMBERS, firstByGuard.get(false)));
    String markdown = record.header("A group page against its number of members",
        "a hosted repository holding a project of " + FILES + " releases of one tiny wheel, and proxies of it that "
            + "have kept its page; groups of the hosted repository and the first 1, 4 or 9 proxies, the guard on "
            + "(only the hosted member asked) and off (every member asked, the answers merged); " + ROUNDS
            + " rounds of one upload into the hosted member, its own page asked once, then each group's page as "
            + "JSON (a new merge), median shown; then each group's cached page under a closed-loop load of "
            + CONNECTIONS + " connections, " + settings.warmUp().toSeconds() + " s warm-up and "
            + settings.measured().toSeconds() + " s measured")
        + "\n" + table + "\n" + chart.writeBeside(settings.report(), "growth-group.svg");
    System.out.println(markdown);
    MarkdownSection.write(settings.report(), "growth-group", markdown);
  }

  private static String page(final String repository) {
    return "repository/" + repository + "/simple/" + PROJECT + "/";
  }
}
