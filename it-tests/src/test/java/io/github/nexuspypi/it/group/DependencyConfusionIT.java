package io.github.nexuspypi.it.group;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.process.ProcessResult;
import io.github.nexuspypi.it.python.IsolatedEnvironment;
import io.github.nexuspypi.it.python.PythonClients;
import io.github.nexuspypi.it.upload.LegacyUpload;
import io.github.nexuspypi.it.upload.LegacyUploadClient;
import io.github.nexuspypi.it.upload.UploadResponse;
import io.github.nexuspypi.it.upstream.FakeIndex;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The attack: a public index offers a higher version of a name a company publishes privately. Through a group
 * whose proxy member comes first, pip still installs the private package while the guard is on (the default), and
 * the group never even asks upstream for the name; with the guard off, the merge follows member order.
 */
@NexusTest
class DependencyConfusionIT
{
  private static final String PRIVATE = "acme-internal-lib";

  private static final FakeIndex UPSTREAM = FakeIndex.start();

  private static Nexus nexus;

  private static PythonClients python;

  @TempDir
  static Path files;

  private static String hosted;

  private static String proxy;

  private static WheelBuilder privateWheel;

  private static WheelBuilder publicWheel;

  @BeforeAll
  static void publishBothSides() {
    hosted = nexus.uniqueName("pypi-private");
    proxy = nexus.uniqueName("pypi-public");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", hosted, "allow_once"));
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", proxy, UPSTREAM.uri().toString()));
    privateWheel = WheelBuilder.of(PRIVATE, "1.0");
    UploadResponse uploaded = LegacyUploadClient.to(nexus.http(), hosted)
        .upload(LegacyUpload.of(privateWheel.writeTo(files)));
    assertEquals(200, uploaded.status(), uploaded::describe);
    publicWheel = WheelBuilder.of(PRIVATE, "99.0");
    UPSTREAM.project(PRIVATE).file(publicWheel.fileName(), publicWheel.toBytes());
  }

  @AfterAll
  static void stopTheUpstream() {
    UPSTREAM.close();
  }

  @Test
  void withTheGuardOnPipInstallsThePrivatePackageAndUpstreamIsNeverAsked() {
    String group = nexus.uniqueName("pypi-guarded");
    nexus.admin().createRepository(RepositoryDefinition.group("pypi", group, List.of(proxy, hosted)));
    UPSTREAM.log().clear();

    assertEquals("1.0", pipInstalls(group, "guarded"));
    IndexPages pages = new IndexPages(nexus.anonymous(), group);
    assertEquals(List.of(privateWheel.fileName()), filenames(pages, IndexPages.JSON));
    assertEquals(List.of(privateWheel.fileName()), filenames(pages, IndexPages.HTML));
    assertEquals(hosted, servedBy(group));
    assertEquals(List.of(), UPSTREAM.log().to("/simple/" + PRIVATE + "/"), "the private name never went upstream");
    assertEquals(404, nexus.anonymous().get("repository/" + group + "/packages/" + PRIVATE + "/99.0/"
        + publicWheel.fileName()).statusCode(), "the public file is not served through the group either");
  }

  @Test
  void aHostedRepositoryInANestedGroupIsGuardedToo() {
    String inner = nexus.uniqueName("pypi-inner");
    String outer = nexus.uniqueName("pypi-outer");
    nexus.admin().createRepository(RepositoryDefinition.group("pypi", inner, List.of(hosted)));
    nexus.admin().createRepository(RepositoryDefinition.group("pypi", outer, List.of(proxy, inner)));

    assertEquals(List.of(privateWheel.fileName()), filenames(new IndexPages(nexus.anonymous(), outer),
        IndexPages.JSON));
    assertEquals(hosted, servedBy(outer));
  }

  @Test
  void withTheGuardOffTheMergeFollowsMemberOrder() {
    String group = nexus.uniqueName("pypi-unguarded");
    RepositoryDefinition definition = RepositoryDefinition.group("pypi", group, List.of(proxy, hosted))
        .with(root -> root.putObject("pypi").put("dependencyConfusionGuard", false));
    nexus.admin().createRepository(definition);
    JsonNode read = nexus.admin().repositoryDefinition("pypi", "group", group);
    assertFalse(read.get("pypi").get("dependencyConfusionGuard").asBoolean(), read::toString);

    assertEquals(List.of(publicWheel.fileName(), privateWheel.fileName()),
        filenames(new IndexPages(nexus.anonymous(), group), IndexPages.JSON));
    assertEquals(proxy + ", " + hosted, servedBy(group));
    assertEquals("99.0", pipInstalls(group, "unguarded"));

    nexus.admin().updateRepository(definition.with(root -> root.putObject("pypi")
        .put("dependencyConfusionGuard", true)));
    assertEquals(List.of(privateWheel.fileName()), filenames(new IndexPages(nexus.anonymous(), group),
        IndexPages.JSON), "switching the guard on applies at once");
  }

  /** The version pip 24 installs from the group. */
  private static String pipInstalls(final String group, final String run) {
    IsolatedEnvironment env = python.environment("confusion-" + run);
    env.run(python.pip("3.13.0"), "install", "--target", "site", "--index-url",
        nexus.repositoryUri(group) + "simple/", PRIVATE).requireSuccess();
    String module = PRIVATE.replace('-', '_');
    ProcessResult imported = env.run(List.of(python.python("3.13.0").toString(), "-c",
        "import sys; sys.path.insert(0, 'site'); import " + module + "; print(" + module + ".__version__)"))
        .requireSuccess();
    return imported.output().strip();
  }

  private static String servedBy(final String group) {
    HttpResponse<String> page = nexus.anonymous().get("repository/" + group + "/simple/" + PRIVATE + "/");
    assertEquals(200, page.statusCode());
    return page.headers().firstValue("X-PyPI-Served-By").orElse("");
  }

  private static List<String> filenames(final IndexPages pages, final String mediaType) {
    return pages.page(PRIVATE, mediaType).files().stream().map(DistributionLink::filename).toList();
  }
}
