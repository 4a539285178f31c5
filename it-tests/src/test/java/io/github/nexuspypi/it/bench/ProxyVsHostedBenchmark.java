package io.github.nexuspypi.it.bench;

import java.io.IOException;
import java.util.List;

import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.NexusLogExcerpt;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.python.PythonClients;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A proxy's cache hits against the hosted repository it proxies, in the same Nexus, once everything is cached. No
 * target: the ratios are recorded. Wrong statuses or bytes fail, and so does any request the proxy sends upstream
 * while it is measured (the measurement would no longer be of cache hits).
 */
@NexusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProxyVsHostedBenchmark
{
  // One connection count at the profile's round settings keeps this part under 5 minutes.
  private static final BenchmarkSettings SETTINGS = BenchmarkSettings.fromSystemProperties()
      .largestConnectionCountOnly();

  private static Nexus nexus;

  private static PythonClients python;

  private static String hosted;

  private static AgainstHosted comparison;

  private static NexusLogExcerpt upstreamRequests;

  private static boolean onlyCacheHits;

  @BeforeAll
  static void hostedUploadsAndAWarmProxy() throws IOException {
    BenchmarkRecord record = BenchmarkRecord.start(nexus.installation().runningProcess().orElseThrow());
    // Both sides on the same security path: anonymous reads.
    nexus.admin().setAnonymousAccess(true);
    hosted = nexus.uniqueName("pypi-bench-upstream");
    String proxy = nexus.uniqueName("pypi-bench-proxy");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", hosted, "allow_once"));
    // Pages and files stay fresh for a day, far longer than this run: every measured request is a cache hit.
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", proxy, nexus.repositoryUri(hosted).toString()));
    comparison = new AgainstHosted(nexus, proxy, hosted, BenchmarkUploads.uploadTo(nexus, python, hosted), record,
        SETTINGS);
    // Files first: caching a file makes its project's page render anew.
    comparison.fetchEveryFileOnce();
    comparison.readEveryPage();
    upstreamRequests = NexusLogExcerpt.outboundRequestsStartingNow(nexus.installation());
  }

  @Test
  @Order(1)
  void wheelDownloads() throws IOException {
    comparison.measureWheels();
  }

  @Test
  @Order(2)
  void projectPages() {
    comparison.measurePages();
  }

  @Test
  @Order(3)
  void everyMeasuredProxyRequestWasACacheHit() {
    assertEquals(List.of(), upstreamRequests.linesWith("/repository/" + hosted + "/"));
    onlyCacheHits = true;
  }

  @AfterAll
  static void recordResults() {
    comparison.report("proxy", "Proxy cache hits against hosted: same bytes, same Nexus", "proxy-vs-hosted",
        onlyCacheHits);
  }
}
