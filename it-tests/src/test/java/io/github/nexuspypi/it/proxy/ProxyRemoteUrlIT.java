package io.github.nexuspypi.it.proxy;

import java.net.http.HttpResponse;
import java.util.List;

import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.Download;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.process.ProcessResult;
import io.github.nexuspypi.it.python.IsolatedEnvironment;
import io.github.nexuspypi.it.python.PythonClients;
import io.github.nexuspypi.it.upstream.FakeFile;
import io.github.nexuspypi.it.upstream.FakeIndex;
import io.github.nexuspypi.it.upstream.IndexShape;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A proxy takes the URL a pip user already has for an index, whatever its shape, or the base that holds
 * {@code simple/}; it stores the index URL that resolves to, and refuses a URL behind which no index answers.
 */
@NexusTest
class ProxyRemoteUrlIT
{
  private static final String API = "service/rest/v1/repositories/pypi/proxy";

  private static Nexus nexus;

  private static PythonClients python;

  @ParameterizedTest
  @EnumSource(IndexShape.class)
  void aProxyOfEachShapeServesPagesInBothFormatsAndUpstreamsBytes(final IndexShape shape) {
    try (FakeIndex upstream = shape.start()) {
      String project = shape.name().toLowerCase() + "-shaped";
      WheelBuilder wheel = WheelBuilder.of(project, "1.0");
      FakeFile file = upstream.project(project).file(wheel.fileName(), wheel.toBytes());
      String proxy = nexus.uniqueName("pypi-proxy-" + shape.name().toLowerCase());

      nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", proxy, shape.remoteUrl(upstream)));

      assertEquals(upstream.simpleUri().toString(), storedRemoteUrl(proxy), "the REST API shows the index URL");
      IndexPages pages = new IndexPages(nexus.anonymous(), proxy);
      for (String format : List.of(IndexPages.HTML, IndexPages.JSON)) {
        assertEquals(List.of(file.filename()), pages.page(project, format).files().stream()
            .map(DistributionLink::filename).toList(), format);
      }
      assertTrue(pages.projects().contains(project), () -> pages.projects().toString());
      Download download = Download.of(nexus.anonymous(), pages.fileUri(project, file.filename()));
      assertTrue(download.isWhole(), download::describe);
      assertArrayEquals(file.bytes(), download.body());
      assertFalse(upstream.log().to(upstream.project(project).path()).isEmpty(), "asked at the mount point");
    }
  }

  @Test
  void pipInstallsThroughAGroupWhoseProxyPointsAtADevpiIndex() {
    try (FakeIndex devpi = FakeIndex.mountedAt("/root/pypi/+simple/")) {
      AppAndLibrary published = AppAndLibrary.publish(devpi, "devpi-shaped");
      String proxy = nexus.uniqueName("pypi-proxy-devpi");
      String hosted = nexus.uniqueName("pypi-hosted-beside-devpi");
      String group = nexus.uniqueName("pypi-group-devpi");
      nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", proxy, devpi.simpleUri().toString()));
      nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", hosted, "allow_once"));
      nexus.admin().createRepository(RepositoryDefinition.group("pypi", group, List.of(hosted, proxy)));
      IsolatedEnvironment env = python.environment("remote-url-devpi");

      env.run(python.pip("3.13.0"), "install", "--target", "site", "--index-url",
          nexus.repositoryUri(group) + "simple/", published.app()).requireSuccess();

      ProcessResult imported = env.run(List.of(python.python("3.13.0").toString(), "-c",
          "import sys; sys.path.insert(0, 'site'); " + published.importBoth())).requireSuccess();
      assertEquals(published.installedVersions(), imported.output().strip(), imported::describe);
      assertEquals(1, devpi.log().to(published.appWheel().path()).size());
    }
  }

  /**
   * proxpi's host root, which holds no simple/ and answers an HTML home page linking its index: every page would
   * be a silent 404.
   */
  @Test
  void aRemoteUrlWhereNoIndexAnswersIsRefusedNamingBothUrlsTried() {
    try (FakeIndex proxpi = FakeIndex.mountedAt("/index/")) {
      String proxy = nexus.uniqueName("pypi-proxy-refused");

      HttpResponse<String> refused = nexus.http().json("POST", API,
          RepositoryDefinition.proxy("pypi", proxy, proxpi.uri().toString()).json());

      assertEquals(400, refused.statusCode(), refused::body);
      assertTrue(refused.body().contains("No PyPI index answers at " + proxpi.uri().resolve("/simple/") + " (404"),
          refused::body);
      assertTrue(refused.body().contains(" nor at " + proxpi.uri() + " (200 text/html"), refused::body);
      assertTrue(refused.body().contains("its first link, 'Package index', names no project"), refused::body);
      assertNull(nexus.admin().repository(proxy), "nothing is saved");
    }
  }

  @Test
  void anUnreachableUpstreamIsRefusedUnlessGivenByItsIndexUrl() {
    try (FakeIndex upstream = FakeIndex.start()) {
      upstream.indexHost().down();
      String guessed = nexus.uniqueName("pypi-proxy-unreachable");
      String named = nexus.uniqueName("pypi-proxy-named-index");

      HttpResponse<String> refused = nexus.http().json("POST", API,
          RepositoryDefinition.proxy("pypi", guessed, upstream.uri().toString()).json());
      nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", named, upstream.simpleUri().toString()));

      assertEquals(400, refused.statusCode(), refused::body);
      assertTrue(refused.body().contains("Cannot tell whether " + upstream.simpleUri() + " or " + upstream.uri()),
          refused::body);
      assertTrue(refused.body().contains("ending in simple/ or +simple/"), refused::body);
      assertNull(nexus.admin().repository(guessed));
      assertEquals(upstream.simpleUri().toString(), storedRemoteUrl(named));
    }
  }

  /** Saving the same remote URL again keeps the index URL found before: no question to upstream, which may be down. */
  @Test
  void otherSettingsOfAProxyAreSavedWhileUpstreamIsDown() {
    try (FakeIndex upstream = FakeIndex.start()) {
      String proxy = nexus.uniqueName("pypi-proxy-edited");
      RepositoryDefinition definition = RepositoryDefinition.proxy("pypi", proxy, upstream.uri().toString());
      nexus.admin().createRepository(definition);
      upstream.indexHost().down();

      nexus.admin().updateRepository(definition.with(root -> ((ObjectNode) root.get("proxy"))
          .put("metadataMaxAge", 5)));

      assertEquals(5, nexus.admin().repositorySettings("pypi", "proxy", proxy).at("/proxy/metadataMaxAge").asInt());
      assertEquals(upstream.simpleUri().toString(), storedRemoteUrl(proxy));
    }
  }

  private static String storedRemoteUrl(final String proxy) {
    return nexus.admin().repositorySettings("pypi", "proxy", proxy).at("/proxy/remoteUrl").asText();
  }
}
