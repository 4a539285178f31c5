package io.github.nexuspypi.it.clients;

import io.github.nexuspypi.it.dists.BuiltDistributions;
import io.github.nexuspypi.it.dists.ProjectBuild;
import io.github.nexuspypi.it.dists.TinyProject;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.process.ProcessResult;
import io.github.nexuspypi.it.python.IsolatedEnvironment;
import io.github.nexuspypi.it.python.PythonClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * pip of three generations installs and downloads from the hosted repository as its only index: a project that
 * twine published there, with its dependency, also from there. A newer release that needs a Python no one has
 * must be passed over by every pip, from the page's Requires-Python alone.
 */
@NexusTest
class PipInstallIT
{
  private static final TinyProject PROJECT = new TinyProject("Tiny.Demo", "1.0.0", "A tiny project to install",
      Map.of("wheel", ">=0.38"), ">=3.7");

  private static final Path DEPENDENCY = DebianWheels.WHEEL;

  private static final String JSON_PAGE = "as application/vnd.pypi.simple.v1+json";

  private static Nexus nexus;

  private static PythonClients python;

  private static String indexUrl;

  private static BuiltDistributions tiny;

  private static String unsupportedWheel;

  /** The pips bundled with pyenv's Pythons, each reading a different part of the simple API. */
  enum Pip
  {
    /** JSON pages and PEP 658 metadata files. */
    PIP_24_2("3.13.0", "24.2", true, true),
    /** JSON pages; reads only the old JSON metadata key, on which it crashes if it is a dict (PEP 714). */
    PIP_23_0_1("3.10.13", "23.0.1", true, false),
    /** HTML pages only. */
    PIP_22_0_4("3.7.16", "22.0.4", false, false);

    final String python;

    final String version;

    final boolean readsJson;

    final boolean readsMetadataFiles;

    Pip(final String python, final String version, final boolean readsJson, final boolean readsMetadataFiles) {
      this.python = python;
      this.version = version;
      this.readsJson = readsJson;
      this.readsMetadataFiles = readsMetadataFiles;
    }
  }

  @BeforeAll
  static void publish() {
    String repository = nexus.uniqueName("pypi-pip");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repository, "allow_once"));
    indexUrl = nexus.repositoryUri(repository) + "simple/";
    IsolatedEnvironment env = python.environment("pip-publish");
    Twine.configure(env, nexus, repository, "admin", nexus.adminPassword());
    tiny = ProjectBuild.build(env, python, PROJECT.writeSetuptools(env.home().resolve("tiny")));
    WheelBuilder unsupported = WheelBuilder.of(PROJECT.name(), "2.0.0");
    unsupported.metadata().field("Requires-Python", ">=3.99");
    unsupportedWheel = unsupported.fileName();
    List<Path> files = new ArrayList<>(List.of(DEPENDENCY, unsupported.writeTo(env.home().resolve("future"))));
    files.addAll(tiny.both());
    Twine.upload(env, python, files).requireSuccess();
  }

  @ParameterizedTest(name = "pip {0}")
  @EnumSource(Pip.class)
  void pipInstallsTheProjectAndItsDependencyAndTheProjectRuns(final Pip pip) {
    IsolatedEnvironment env = python.environment("pip-install-" + pip.version);
    Path venvPython = PythonClients.createVirtualEnvironment(env, pip.python, env.home().resolve("venv"));
    List<String> venvPip = PythonClients.pipOf(venvPython);

    ProcessResult version = env.run(venvPip, "--version").requireSuccess();
    ProcessResult install = env.run(venvPip, "install", "-vv", "--index-url", indexUrl, PROJECT.name())
        .requireSuccess();
    ProcessResult run = env.run(List.of(venvPython.toString(), "-c",
        "import " + PROJECT.module() + ", wheel; print(" + PROJECT.module() + ".greet()); print(wheel.__version__)"))
        .requireSuccess();

    assertTrue(version.output().startsWith("pip " + pip.version + " "), version::describe);
    assertEquals(List.of(PROJECT.greeting(), "0.38.4"), run.output().lines().toList(), run::describe);
    assertTrue(install.output().contains("Link requires a different Python"), install::describe);
    assertTrue(install.output().lines().anyMatch(line -> line.contains("requires a different Python")
        && line.contains(unsupportedWheel)), install::describe);
    assertEquals(pip.readsJson, install.output().contains(indexUrl + "tiny-demo/ " + JSON_PAGE), install::describe);
    // pip 24 fetches a wheel's metadata file before the wheel, to resolve without downloading it.
    String metadataFile = tiny.wheel().getFileName() + ".metadata";
    assertEquals(pip.readsMetadataFiles, install.output().contains(metadataFile), install::describe);
  }

  @ParameterizedTest(name = "pip {0}")
  @EnumSource(Pip.class)
  void pipDownloadsTheWheelsAsTheyWereUploaded(final Pip pip) throws IOException {
    IsolatedEnvironment env = python.environment("pip-download-" + pip.version);

    env.run(python.pip(pip.python), "download", "--index-url", indexUrl, "--dest", "downloads", PROJECT.name())
        .requireSuccess();

    Path downloads = env.home().resolve("downloads");
    assertEquals(List.of(tiny.wheel().getFileName().toString(), DEPENDENCY.getFileName().toString()),
        listing(downloads));
    assertArrayEquals(Files.readAllBytes(tiny.wheel()), Files.readAllBytes(downloads.resolve(tiny.wheel()
        .getFileName())));
    assertArrayEquals(Files.readAllBytes(DEPENDENCY), Files.readAllBytes(downloads.resolve(DEPENDENCY.getFileName())));
  }

  private static List<String> listing(final Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }
}
