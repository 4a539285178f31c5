package io.github.nexuspypi.it.proxy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.nexuspypi.it.dists.ConsumerProject;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.process.ProcessResult;
import io.github.nexuspypi.it.python.IsolatedEnvironment;
import io.github.nexuspypi.it.python.PythonClients;
import io.github.nexuspypi.it.upstream.FakeIndex;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * poetry 1.3.2 and pdm 2.2.1 (Debian's) add an application and its dependency to a project whose only source is a
 * proxy of the fake index, then do it again in a fresh home with both upstream hosts stopped and every page due for
 * a refresh; their lock files pin upstream's hashes.
 */
@NexusTest
class ProxyPoetryPdmIT
{
  private static final FakeIndex UPSTREAM = FakeIndex.start();

  private static Nexus nexus;

  private static PythonClients python;

  /** How each tool adds a dependency to a project, and where it locks it. */
  enum Tool
  {
    POETRY("poetry.lock"),
    PDM("pdm.lock");

    final String lockFile;

    Tool(final String lockFile) {
      this.lockFile = lockFile;
    }

    /** Writes a project whose only source is {@code index}, adds {@code project} to it; returns the project. */
    Path add(final IsolatedEnvironment env, final URI index, final String project) {
      Path consumer = env.home().resolve("consumer");
      if (this == POETRY) {
        ConsumerProject.writePoetry(consumer, index);
        env.run(env.command(python.poetry(), "add", project).in(consumer)).requireSuccess();
      }
      else {
        ConsumerProject.writePdm(consumer, index);
        env.run(env.command(python.pdm(), "add", "--no-self", project).in(consumer)).requireSuccess();
      }
      return consumer;
    }
  }

  @AfterAll
  static void stopTheUpstream() {
    UPSTREAM.close();
  }

  @ParameterizedTest
  @EnumSource(Tool.class)
  void addsThroughTheProxyThenFromItsCacheAloneWithUpstreamDown(final Tool tool) throws IOException {
    String proxy = nexus.uniqueName("pypi-proxy-" + tool.name().toLowerCase());
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", proxy, UPSTREAM.uri().toString()));
    AppAndLibrary published = AppAndLibrary.publish(UPSTREAM, tool.name().toLowerCase() + "-proxied");
    URI index = URI.create(nexus.repositoryUri(proxy) + "simple/");

    Path online = addAndCheck(tool, index, published, "online");
    assertLocked(online.resolve(tool.lockFile), proxy, published);

    UpstreamOutage.during(UPSTREAM, nexus, proxy, () -> addAndCheck(tool, index, published, "upstream-down"));
  }

  /** Adds the application in a fresh home; both packages are then in the project's own virtual environment. */
  private static Path addAndCheck(final Tool tool, final URI index, final AppAndLibrary published, final String run) {
    IsolatedEnvironment env = python.environment("proxy-" + tool.name().toLowerCase() + "-" + run);
    Path consumer = tool.add(env, index, published.app());
    ProcessResult imported = env.run(List.of(consumer.resolve(".venv/bin/python").toString(), "-c",
        published.importBoth())).requireSuccess();
    assertEquals(published.installedVersions(), imported.output().strip(), imported::describe);
    return consumer;
  }

  /** The lock pins both wheels by upstream's sha256, and names the proxy they came through. */
  private static void assertLocked(final Path lockFile, final String proxy, final AppAndLibrary published)
      throws IOException
  {
    String lock = Files.readString(lockFile);
    for (String sha256 : List.of(published.appWheel().sha256(), published.libraryWheel().sha256())) {
      assertTrue(lock.contains("sha256:" + sha256), () -> sha256 + " in " + lock);
    }
    assertTrue(lock.contains(nexus.repositoryUri(proxy).toString()), lock);
  }
}
