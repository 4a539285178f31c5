package io.github.nexuspypi.it.proxy;

import java.util.List;

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

/**
 * pip of two generations installs an application and its dependency through a proxy of the fake index, then again,
 * into a fresh environment, with both upstream hosts stopped and every page due for a refresh: what the first run
 * cached is enough.
 */
@NexusTest
class ProxyPipIT
{
  private static final FakeIndex UPSTREAM = FakeIndex.start();

  private static Nexus nexus;

  private static PythonClients python;


  /** The pips bundled with pyenv's Pythons: one reads JSON pages and PEP 658 metadata, the other HTML only. */
  enum Pip
  {
    PIP_24_2("3.13.0", true),
    PIP_22_0_4("3.7.16", false);

    final String python;

    final boolean readsMetadataFiles;

    Pip(final String python, final boolean readsMetadataFiles) {
      this.python = python;
      this.readsMetadataFiles = readsMetadataFiles;
    }
  }

  @AfterAll
  static void stopTheUpstream() {
    UPSTREAM.close();
  }

  @ParameterizedTest
  @EnumSource(Pip.class)
  void pipInstallsThroughTheProxyThenFromItsCacheAloneWithUpstreamDown(final Pip pip) {
    String proxy = nexus.uniqueName("pypi-proxy-pip");
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", proxy, UPSTREAM.uri().toString()));
    AppAndLibrary published = AppAndLibrary.publish(UPSTREAM, pip.name().toLowerCase().replace('_', '-'));
    String index = nexus.repositoryUri(proxy) + "simple/";

    install(pip, index, published, "online");
    assertEquals(pip.readsMetadataFiles ? 1 : 0, UPSTREAM.log().to(published.appWheel().metadataPath()).size(),
        "pip 24 reads a wheel's PEP 658 metadata before the wheel");
    assertEquals(1, UPSTREAM.log().to(published.appWheel().path()).size());

    UpstreamOutage.during(UPSTREAM, nexus, proxy, () -> install(pip, index, published, "upstream-down"));
  }

  /** Installs into a folder of a fresh environment (pip's cache is off) and imports from there. */
  private static void install(final Pip pip, final String index, final AppAndLibrary published, final String run) {
    IsolatedEnvironment env = python.environment("proxy-" + pip.name().toLowerCase() + "-" + run);
    env.run(python.pip(pip.python), "install", "--target", "site", "--index-url", index, published.app())
        .requireSuccess();
    ProcessResult imported = env.run(List.of(python.python(pip.python).toString(), "-c",
        "import sys; sys.path.insert(0, 'site'); " + published.importBoth())).requireSuccess();
    assertEquals(published.installedVersions(), imported.output().strip(), imported::describe);
  }
}
