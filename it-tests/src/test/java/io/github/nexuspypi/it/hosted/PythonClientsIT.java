package io.github.nexuspypi.it.hosted;

import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.process.ProcessResult;
import io.github.nexuspypi.it.python.IsolatedEnvironment;
import io.github.nexuspypi.it.python.PythonClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clients see Nexus and nothing else of the machine: pip resolves from a static PEP 503 tree that a raw
 * repository serves, and finds none of the indexes or wheel folders the machine's own configuration adds.
 */
@NexusTest
class PythonClientsIT
{
  /** A real wheel that every Debian machine with python3-wheel-whl has. */
  private static final Path WHEEL = Path.of("/usr/share/python-wheels/wheel-0.38.4-py3-none-any.whl");

  private static Nexus nexus;

  private static PythonClients python;

  private static URI index;

  private static String wheelSha256;

  @BeforeAll
  static void serveAStaticIndex() throws IOException, NoSuchAlgorithmException {
    String repository = nexus.uniqueName("raw-simple");
    nexus.admin().createRepository(RepositoryDefinition.hosted("raw", repository, "allow"));
    wheelSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(WHEEL)));
    String file = WHEEL.getFileName().toString();
    upload(repository, "packages/" + file, Files.readAllBytes(WHEEL));
    upload(repository, "simple/index.html", page("<a href=\"wheel/\">wheel</a>"));
    upload(repository, "simple/wheel/index.html",
        page("<a href=\"../../packages/" + file + "#sha256=" + wheelSha256 + "\">" + file + "</a>"));
    index = nexus.repositoryUri(repository).resolve("simple/");
  }

  @ParameterizedTest(name = "pip of Python {0}")
  @ValueSource(strings = {"3.7.16", "3.13.0"})
  void pipDownloadsWhatNexusServes(final String pythonVersion) throws IOException {
    IsolatedEnvironment env = python.environment("pip-download-" + pythonVersion);

    env.run(python.pip(pythonVersion), "download", "--no-deps", "--index-url", index.toString(),
        "--dest", "downloads", "wheel==0.38.4").requireSuccess();

    Path downloaded = env.home().resolve("downloads").resolve(WHEEL.getFileName());
    assertArrayEquals(Files.readAllBytes(WHEEL), Files.readAllBytes(downloaded));
  }

  @Test
  void pipFindsNothingThatNexusDoesNotServe() {
    IsolatedEnvironment env = python.environment("pip-missing");

    // The machine's own configuration offers torch (PIP_FIND_LINKS); an isolated pip must not see it.
    ProcessResult result = env.run(python.pip("3.13.0"), "download", "--no-deps", "--index-url", index.toString(),
        "--dest", "downloads", "torch").requireFailure();

    assertTrue(result.output().contains("No matching distribution found for torch"), result::describe);
    assertFalse(result.output().contains("Looking in links"), result::describe);
  }

  @Test
  void pipConfigListShowsNoConfiguration() {
    IsolatedEnvironment env = python.environment("pip-config");

    ProcessResult result = env.run(python.pip("3.13.0"), "config", "list").requireSuccess();

    assertEquals("", result.output().strip(), result::describe);
  }

  @Test
  void debianClientsKeepTheirStateInTheIsolatedHome() {
    IsolatedEnvironment env = python.environment("debian-clients");

    ProcessResult poetryCache = env.run(python.poetry(), "config", "cache-dir").requireSuccess();

    assertEquals(env.home().resolve(".cache/pypoetry").toString(), poetryCache.output().strip(),
        poetryCache::describe);
    env.run(python.twine(), "--version").requireSuccess();
    env.run(python.pdm(), "--version").requireSuccess();
    env.run(python.pipenv(), "--version").requireSuccess();
    env.run(python.build(), "--version").requireSuccess();
  }

  private static void upload(final String repository, final String path, final byte[] content) {
    int status = nexus.http().put("repository/" + repository + "/" + path, content).statusCode();
    assertEquals(201, status, () -> "PUT " + path);
  }

  private static byte[] page(final String links) {
    return ("<!DOCTYPE html>\n<html><body>\n" + links + "\n</body></html>\n").getBytes(StandardCharsets.UTF_8);
  }
}
