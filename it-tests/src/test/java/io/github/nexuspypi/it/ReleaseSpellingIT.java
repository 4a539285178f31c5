package io.github.nexuspypi.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.nexuspypi.it.dists.SdistBuilder;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.NexusHttp;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.python.IsolatedEnvironment;
import io.github.nexuspypi.it.python.PythonClients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PEP 440 makes {@code 1.0} and {@code 1.0.0} the same version: files uploaded under either spelling belong to one
 * release, which keeps the spelling of its first file, as on pypi.org.
 */
@NexusTest
class ReleaseSpellingIT
{
  private static Nexus nexus;

  private static PythonClients python;

  @Test
  void filesOfOneVersionSpelledTwoWaysAreOneRelease() throws IOException {
    String repository = nexus.uniqueName("pypi-spelling");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repository, "allow_once"));
    IsolatedEnvironment env = python.environment("spelling");
    Path dist = Files.createDirectories(env.home().resolve("dist"));
    Path wheel = WheelBuilder.of("spelling", "1.0").writeTo(dist);
    SdistBuilder sdist = SdistBuilder.of("spelling", "1.0.0");
    Path sdistFile = Files.write(dist.resolve(sdist.fileName()), sdist.toBytes());
    env.run(python.twine(), "upload", "--non-interactive", "--repository-url",
        nexus.repositoryUri(repository).toString(), "-u", "admin", "-p", nexus.adminPassword(),
        wheel.toString(), sdistFile.toString()).requireSuccess();

    List<JsonNode> components = nexus.admin().components(repository);
    assertEquals(1, components.size(), components::toString);
    assertEquals("1.0", components.get(0).path("version").asText());
    assertEquals(4, components.get(0).path("assets").size(), "two files and their .metadata");

    ObjectMapper json = new ObjectMapper();
    JsonNode page = json.readTree(NexusHttp.expect(nexus.anonymous().send(
        nexus.anonymous().request("repository/" + repository + "/simple/spelling/")
            .header("Accept", "application/vnd.pypi.simple.v1+json").build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()), 200).body());
    assertEquals("[\"1.0\"]", page.path("versions").toString());
    assertEquals(2, page.path("files").size());

    JsonNode release = json.readTree(NexusHttp.expect(
        nexus.anonymous().get("repository/" + repository + "/pypi/spelling/1.0.0/json"), 200).body());
    assertEquals(2, release.path("urls").size(), "the release of 1.0.0 is the release of 1.0");
  }
}
