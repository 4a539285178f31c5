package io.github.nexuspypi.it.group;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import io.github.nexuspypi.it.dists.ConsumerProject;
import io.github.nexuspypi.it.dists.CoreMetadataText;
import io.github.nexuspypi.it.dists.WheelBuilder;
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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every client, in one command, installs through a group an application published to its hosted member whose
 * dependency only the proxy member has (with a 2.0 that needs a Python nobody has, which each must pass over);
 * the application is uploaded in the same second as it is installed.
 */
@NexusTest
class GroupClientsIT
{
  private static final FakeIndex UPSTREAM = FakeIndex.start();

  private static Nexus nexus;

  private static PythonClients python;

  @TempDir
  static Path files;

  private static URI index;

  private static String hosted;

  enum Client
  {
    PIP_24_2,
    PIP_22_0_4,
    POETRY,
    PDM,
    PIPENV
  }

  @BeforeAll
  static void createTheGroup() {
    hosted = nexus.uniqueName("pypi-company");
    String proxy = nexus.uniqueName("pypi-public");
    String group = nexus.uniqueName("pypi-all");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", hosted, "allow_once"));
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", proxy, UPSTREAM.uri().toString()));
    nexus.admin().createRepository(RepositoryDefinition.group("pypi", group, List.of(hosted, proxy)));
    index = URI.create(nexus.repositoryUri(group) + "simple/");
  }

  @AfterAll
  static void stopTheUpstream() {
    UPSTREAM.close();
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  void installsAHostedApplicationWithItsPublicDependencyInOneCommand(final Client client) {
    String prefix = client.name().toLowerCase().replace('_', '-');
    String app = prefix + "-company-app";
    String library = prefix + "-public-lib";
    WheelBuilder libraryWheel = WheelBuilder.of(library, "1.0");
    WheelBuilder unsupported = WheelBuilder.of(library, "2.0");
    unsupported.metadata().field("Requires-Python", ">=3.99");
    UPSTREAM.project(library).file(libraryWheel.fileName(), libraryWheel.toBytes());
    UPSTREAM.project(library).file(unsupported.fileName(), unsupported.toBytes()).requiresPython(">=3.99");
    WheelBuilder appWheel = WheelBuilder.of(app, "1.0");
    appWheel.metadata().field("Requires-Dist", library + ">=1.0").field("Requires-Python", ">=3.7");
    IsolatedEnvironment env = python.environment("group-" + prefix);

    UploadResponse uploaded = LegacyUploadClient.to(nexus.http(), hosted)
        .upload(LegacyUpload.of(appWheel.writeTo(files.resolve(prefix))));
    assertEquals(200, uploaded.status(), uploaded::describe);
    Path interpreter = install(client, env, app);

    String appModule = CoreMetadataText.fileNamePart(app);
    String libraryModule = CoreMetadataText.fileNamePart(library);
    ProcessResult imported = env.run(List.of(interpreter.toString(), "-c", "import sys; sys.path.insert(0, 'site'); "
        + "import " + appModule + ", " + libraryModule + "; print(" + appModule + ".__version__, " + libraryModule
        + ".__version__)")).requireSuccess();
    assertEquals("1.0 1.0", imported.output().strip(), imported::describe);
  }

  /** Installs {@code app} the client's way; returns the Python that can import it (from {@code site} for pip). */
  private static Path install(final Client client, final IsolatedEnvironment env, final String app) {
    Path consumer = env.home().resolve("consumer");
    switch (client) {
      case PIP_24_2:
      case PIP_22_0_4:
        String version = client == Client.PIP_24_2 ? "3.13.0" : "3.7.16";
        env.run(python.pip(version), "install", "--target", "site", "--index-url", index.toString(), app)
            .requireSuccess();
        return python.python(version);
      case POETRY:
        ConsumerProject.writePoetry(consumer, index);
        env.run(env.command(python.poetry(), "add", app).in(consumer)).requireSuccess();
        return consumer.resolve(".venv/bin/python");
      case PDM:
        ConsumerProject.writePdm(consumer, index);
        env.run(env.command(python.pdm(), "add", "--no-self", app).in(consumer)).requireSuccess();
        return consumer.resolve(".venv/bin/python");
      default:
        ConsumerProject.writePipenv(consumer, index);
        env.run(env.command(python.pipenv(), "install", app).in(consumer)
            .withVariable("PIPENV_VENV_IN_PROJECT", "1")
            .withVariable("PIPENV_YES", "1")
            .withVariable("PIPENV_NOSPIN", "1")).requireSuccess();
        return consumer.resolve(".venv/bin/python");
    }
  }
}
