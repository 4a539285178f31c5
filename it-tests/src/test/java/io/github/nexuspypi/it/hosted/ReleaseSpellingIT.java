package io.github.nexuspypi.it.hosted;

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
import io.github.nexuspypi.it.upload.LegacyUpload;
import io.github.nexuspypi.it.upload.LegacyUploadClient;
import io.github.nexuspypi.it.upload.UploadResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PEP 440 makes {@code 1.0} and {@code 1.0.0} the same version: they are one release, which keeps the spelling of its
 * first file, as on pypi.org. A file named with the other spelling would be one more file of the release holding
 * the same thing, so it is refused with the name it must have; the release is found under either spelling.
 */
@NexusTest
class ReleaseSpellingIT
{
  private static Nexus nexus;

  private static PythonClients python;

  @TempDir
  static Path files;

  @Test
  void aReleaseTakesFilesOnlyUnderItsOwnSpellingAndIsFoundUnderEither() throws IOException {
    String repository = nexus.uniqueName("pypi-spelling");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repository, "allow_once"));
    IsolatedEnvironment env = python.environment("spelling");
    Path dist = Files.createDirectories(env.home().resolve("dist"));
    Path wheel = WheelBuilder.of("spelling", "1.0").writeTo(dist);
    env.run(python.twine(), "upload", "--non-interactive", "--repository-url",
        nexus.repositoryUri(repository).toString(), "-u", "admin", "-p", nexus.adminPassword(),
        wheel.toString()).requireSuccess();
    LegacyUploadClient admin = LegacyUploadClient.to(nexus.http(), repository);

    Path otherSpelling = SdistBuilder.of("spelling", "1.0.0").writeTo(dist);
    UploadResponse refused = admin.upload(LegacyUpload.of(otherSpelling));

    assertEquals(400, refused.status(), refused::describe);
    assertTrue(refused.reason().startsWith("Filename 'spelling-1.0.0.tar.gz' is invalid, should be "
        + "'spelling-1.0.tar.gz'"), refused::describe);

    Path ownSpelling = SdistBuilder.of("spelling", "1.0").writeTo(dist);
    UploadResponse stored = admin.upload(LegacyUpload.of(ownSpelling));
    assertEquals(200, stored.status(), stored::describe);

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

  /**
   * Debian 12's setuptools and wheel name files after the metadata's Name ({@code Spell.Check-1.0-...}), where
   * today's tools write the canonical {@code spell_check-1.0-...}: both are accepted, but they are one file.
   */
  @Test
  void bothAcceptedSpellingsOfAFileNameAreOneFile() throws IOException {
    String repository = nexus.uniqueName("pypi-spelling");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repository, "allow_once"));
    LegacyUploadClient admin = LegacyUploadClient.to(nexus.http(), repository);
    Path canonical = WheelBuilder.of("Spell.Check", "1.0").writeTo(files.resolve("canonical"));
    assertEquals(200, admin.upload(LegacyUpload.of(canonical)).status());

    UploadResponse sameBytes = admin.upload(LegacyUpload.of(canonical).fileName("Spell.Check-1.0-py3-none-any.whl"));

    assertEquals(200, sameBytes.status(), sameBytes::describe);
    assertEquals(List.of("/packages/spell-check/1.0/spell_check-1.0-py3-none-any.whl",
        "/packages/spell-check/1.0/spell_check-1.0-py3-none-any.whl.metadata"),
        nexus.admin().assetPaths(repository).stream().sorted().toList());

    WheelBuilder rebuilt = WheelBuilder.of("Spell.Check", "1.0");
    rebuilt.metadata().set("Summary", "rebuilt");
    Path other = Files.write(Files.createDirectories(files.resolve("legacy")).resolve(
        "Spell.Check-1.0-py3-none-any.whl"), rebuilt.toBytes());
    UploadResponse otherBytes = admin.upload(LegacyUpload.of(other));

    assertEquals(400, otherBytes.status(), otherBytes::describe);
    assertTrue(otherBytes.reason().startsWith("File already exists"), otherBytes::describe);
    assertEquals(2, nexus.admin().assetPaths(repository).size(), "still one wheel and its .metadata");
  }
}
