package io.github.nexuspypi.it.clients;

import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.it.dists.BuiltDistributions;
import io.github.nexuspypi.it.dists.ConsumerProject;
import io.github.nexuspypi.it.dists.TinyProject;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.nexus.RepositoryUser;
import io.github.nexuspypi.it.process.ProcessResult;
import io.github.nexuspypi.it.python.IsolatedEnvironment;
import io.github.nexuspypi.it.python.PythonClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * poetry 1.3.2 and pdm 2.2.1 (Debian's) publish a project they build to the hosted repository, as a user who may
 * only add, and another project of the same tool installs it from there, its dependency included.
 */
@NexusTest
class PoetryPdmIT
{
  private static final String DEPENDENCY = "wheel";

  private static Nexus nexus;

  private static PythonClients python;

  private static String repository;

  private static URI index;

  private static IndexPages pages;

  private static RepositoryUser uploader;

  @BeforeAll
  static void createRepository() {
    repository = nexus.uniqueName("pypi-poetry-pdm");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repository, "allow_once"));
    index = URI.create(nexus.repositoryUri(repository) + "simple/");
    pages = new IndexPages(nexus.anonymous(), repository);
    uploader = RepositoryUser.create(nexus.admin(), nexus.uniqueName("uploader"), "pypi", repository, "add");
    // The projects' dependency, and the build backend pdm installs from its index (see TinyProject#writePdm).
    IsolatedEnvironment env = python.environment("poetry-pdm-seed");
    Twine.configure(env, nexus, repository, "admin", nexus.adminPassword());
    Twine.upload(env, python, List.of(DebianWheels.SETUPTOOLS, DebianWheels.WHEEL)).requireSuccess();
  }

  @Test
  void poetryPublishesAndAnotherPoetryProjectInstallsFromTheRepository() throws IOException {
    IsolatedEnvironment env = python.environment("poetry");
    TinyProject project = tinyProject("poetry-tiny", "0.1.0");
    Path producer = project.writePoetry(env.home().resolve("producer"));
    // poetry-core leaves out what git ignores, and the test's folder lies in this build's ignored target/: without a
    // repository of its own, as a user's project has, the wheel would hold no module at all.
    env.run(env.command(List.of("/usr/bin/git"), "init", "--quiet").in(producer)).requireSuccess();
    // Credentials go where poetry keeps them, in the isolated home (no keyring there: a plain auth.toml).
    env.run(python.poetry(), "config", "repositories.nexus", nexus.repositoryUri(repository).toString())
        .requireSuccess();
    env.run(python.poetry(), "config", "http-basic.nexus", uploader.name(), uploader.password()).requireSuccess();

    // poetry builds with the poetry-core it runs on (Debian's), in its own process: no build backend to install.
    poetry(env, producer, "build").requireSuccess();
    poetry(env, producer, "publish", "--repository", "nexus").requireSuccess();
    Map<String, String> published = sha256ByFilename(BuiltDistributions.in(producer.resolve("dist")));
    assertEquals(published, served("poetry-tiny"));

    List<String> stored = StoredAssets.of(nexus, repository);
    poetry(env, producer, "publish", "--repository", "nexus").requireSuccess();
    poetry(env, producer, "publish", "--repository", "nexus", "--skip-existing").requireSuccess();
    assertEquals(stored, StoredAssets.of(nexus, repository));

    // Other bytes under the same names: refused, then skipped as poetry documents --skip-existing.
    Files.writeString(producer.resolve("README.md"), project.readme() + "\nChanged after publishing.\n");
    poetry(env, producer, "build").requireSuccess();
    ProcessResult refused = poetry(env, producer, "publish", "--repository", "nexus").requireFailure();
    ProcessResult skipped = poetry(env, producer, "publish", "--repository", "nexus", "--skip-existing")
        .requireSuccess();
    assertTrue(refused.output().contains("File already exists"), refused::describe);
    assertTrue(skipped.output().contains("File exists. Skipping"), skipped::describe);
    assertEquals(stored, StoredAssets.of(nexus, repository));

    // Another user's machine, who installs anonymously: in the publisher's home poetry would send the uploader's
    // credentials (it matches them to a source by URL), which may add but not read.
    IsolatedEnvironment elsewhere = python.environment("poetry-consumer");
    Path consumer = ConsumerProject.writePoetry(elsewhere.home().resolve("consumer"), index);
    poetry(elsewhere, consumer, "add", project.name()).requireSuccess();

    assertInstalledAndRuns(elsewhere, consumer, project);
    assertLocked(consumer.resolve("poetry.lock"), published);
  }

  @Test
  void pdmPublishesAndAnotherPdmProjectInstallsFromTheRepository() throws IOException {
    IsolatedEnvironment env = python.environment("pdm");
    TinyProject project = tinyProject("pdm-tiny", "0.2.0");
    Path producer = project.writePdm(env.home().resolve("producer"), index);
    List<String> publish = List.of("publish", "--repository", nexus.repositoryUri(repository).toString(),
        "--username", uploader.name(), "--password", uploader.password());

    // pdm builds first, in an isolated environment whose setuptools and wheel it installs from the repository.
    pdm(env, producer, publish).requireSuccess();
    Map<String, String> published = sha256ByFilename(BuiltDistributions.in(producer.resolve("dist")));
    assertEquals(published, served("pdm-tiny"));

    // pdm 2.2 has no --skip-existing (it came in 2.7); publishing the same files again must simply succeed. A
    // rebuild would not do: setuptools' archives carry file times, so they are other bytes under the same names.
    List<String> stored = StoredAssets.of(nexus, repository);
    List<String> again = new ArrayList<>(publish);
    again.add("--no-build");
    pdm(env, producer, again).requireSuccess();
    assertEquals(stored, StoredAssets.of(nexus, repository));

    IsolatedEnvironment elsewhere = python.environment("pdm-consumer");
    Path consumer = ConsumerProject.writePdm(elsewhere.home().resolve("consumer"), index);
    pdm(elsewhere, consumer, List.of("add", "--no-self", project.name())).requireSuccess();

    assertInstalledAndRuns(elsewhere, consumer, project);
    assertLocked(consumer.resolve("pdm.lock"), published);
  }

  private static TinyProject tinyProject(final String name, final String version) {
    return new TinyProject(name, version, "A " + name + " project", Map.of(DEPENDENCY, ">=0.38"), ">=3.7");
  }

  private static ProcessResult poetry(final IsolatedEnvironment env, final Path project, final String... arguments) {
    return env.run(env.command(python.poetry(), arguments).in(project));
  }

  private static ProcessResult pdm(final IsolatedEnvironment env, final Path project, final List<String> arguments) {
    return env.run(env.command(python.pdm(), arguments.toArray(String[]::new)).in(project));
  }

  private static Map<String, String> sha256ByFilename(final BuiltDistributions built) {
    return built.both().stream().map(LocalDistribution::of)
        .collect(Collectors.toMap(LocalDistribution::filename, LocalDistribution::sha256));
  }

  /** The files on the project page with their sha256. */
  private static Map<String, String> served(final String project) {
    return pages.json(project).files().stream()
        .collect(Collectors.toMap(DistributionLink::filename, link -> link.hashes().get("sha256")));
  }

  /** The package is in the project's own virtual environment (not the tool's) and runs there. */
  private static void assertInstalledAndRuns(final IsolatedEnvironment env, final Path consumer,
                                             final TinyProject project)
  {
    Path venvPython = consumer.resolve(".venv/bin/python");
    ProcessResult run = env.run(List.of(venvPython.toString(), "-c", "import " + project.module() + ", wheel; "
        + "print(" + project.module() + ".greet()); print(" + project.module() + ".__file__)")).requireSuccess();
    List<String> lines = run.output().lines().toList();
    assertEquals(project.greeting(), lines.get(0), run::describe);
    assertTrue(Path.of(lines.get(1)).startsWith(consumer.resolve(".venv")), run::describe);
  }

  /** The lock file pins the published files by their sha256, and names the repository they come from. */
  private static void assertLocked(final Path lockFile, final Map<String, String> published) throws IOException {
    String lock = Files.readString(lockFile);
    published.values().forEach(sha256 -> assertTrue(lock.contains("sha256:" + sha256), () -> sha256 + " in " + lock));
    assertTrue(lock.contains(nexus.repositoryUri(repository).toString()), lock);
  }
}
