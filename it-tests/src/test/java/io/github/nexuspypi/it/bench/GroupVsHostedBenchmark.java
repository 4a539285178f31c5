package io.github.nexuspypi.it.bench;

import java.io.IOException;
import java.util.List;

import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.python.PythonClients;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A group of three members (an empty hosted repository, the hosted repository holding the files, and a proxy of
 * it) against that hosted repository itself, in the same Nexus, once the group has merged its pages. No target: the
 * ratios are recorded. Wrong statuses or bytes fail, and so does a page merged anew while measured.
 */
@NexusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GroupVsHostedBenchmark
{
  private static final BenchmarkSettings SETTINGS = BenchmarkSettings.fromSystemProperties()
      .largestConnectionCountOnly();

  private static Nexus nexus;

  private static PythonClients python;

  private static AgainstHosted comparison;

  @BeforeAll
  static void hostedUploadsAndAGroupOfThree() throws IOException {
    BenchmarkRecord record = BenchmarkRecord.start(nexus.installation().runningProcess().orElseThrow());
    nexus.admin().setAnonymousAccess(true);
    String empty = nexus.uniqueName("pypi-bench-empty");
    String hosted = nexus.uniqueName("pypi-bench-member");
    String proxy = nexus.uniqueName("pypi-bench-member-proxy");
    String group = nexus.uniqueName("pypi-bench-group");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", empty, "allow_once"));
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", hosted, "allow_once"));
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", proxy, nexus.repositoryUri(hosted).toString()));
    nexus.admin().createRepository(RepositoryDefinition.group("pypi", group, List.of(empty, hosted, proxy)));
    comparison = new AgainstHosted(nexus, group, hosted, BenchmarkUploads.uploadTo(nexus, python, hosted), record,
        SETTINGS);
    comparison.fetchEveryFileOnce();
    comparison.readEveryPage();
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

  @AfterAll
  static void recordResults() {
    comparison.report("group", "Group of three against hosted: same bytes, same Nexus", "group-vs-hosted", true);
  }
}
