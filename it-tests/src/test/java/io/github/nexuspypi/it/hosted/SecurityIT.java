package io.github.nexuspypi.it.hosted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nexuspypi.it.dists.LargeWheel;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.NexusHttp;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.nexus.RepositoryUser;
import io.github.nexuspypi.it.upload.LegacyUpload;
import io.github.nexuspypi.it.upload.LegacyUploadClient;
import io.github.nexuspypi.it.upload.UploadResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The privileges Nexus makes for a pypi repository ({@code nx-repository-view-pypi-<repo>-*}) guard every route:
 * reading pages and files needs {@code read} (anonymous users have it only while anonymous access is on), uploading
 * needs {@code add}.
 */
@NexusTest
class SecurityIT
{
  private static final String PROJECT = "guarded";

  private static final String FILE = "guarded-1.0-py3-none-any.whl";

  /** Every read route of the wire contract, relative to the repository. */
  private static final List<String> READ_ROUTES = List.of(
      "simple/",
      "simple/" + PROJECT + "/",
      "packages/" + PROJECT + "/1.0/" + FILE,
      "packages/" + PROJECT + "/1.0/" + FILE + ".metadata",
      "pypi/" + PROJECT + "/json",
      "pypi/" + PROJECT + "/1.0/json");

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Nexus nexus;

  @TempDir
  static Path files;

  private static String repository;

  private static RepositoryUser reader;

  /** Reads another repository, not this one. */
  private static RepositoryUser stranger;

  @BeforeAll
  static void createARepositoryWithAFileAndItsUsers() {
    repository = nexus.uniqueName("pypi-security");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repository, "allow_once"));
    Path wheel = WheelBuilder.of(PROJECT, "1.0").writeTo(files);
    UploadResponse uploaded = LegacyUploadClient.to(nexus.http(), repository).upload(LegacyUpload.of(wheel));
    assertEquals(200, uploaded.status(), uploaded::describe);
    reader = RepositoryUser.create(nexus.admin(), nexus.uniqueName("reader"), "pypi", repository, "read");
    String elsewhere = nexus.uniqueName("pypi-elsewhere");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", elsewhere, "allow_once"));
    stranger = RepositoryUser.create(nexus.admin(), nexus.uniqueName("stranger"), "pypi", elsewhere, "read", "add");
  }

  @Test
  void theRepositoryHasItsViewPrivileges() throws IOException {
    JsonNode all = JSON.readTree(NexusHttp.expect(nexus.http().json("GET", "service/rest/v1/security/privileges",
        null), 200).body());
    Map<String, JsonNode> ours = new TreeMap<>();
    all.forEach(privilege -> {
      if (repository.equals(privilege.path("repository").asText())
          && "repository-view".equals(privilege.get("type").asText())) {
        ours.put(privilege.get("name").asText(), privilege);
      }
    });

    String prefix = "nx-repository-view-pypi-" + repository + "-";
    assertEquals(List.of(prefix + "*", prefix + "add", prefix + "browse", prefix + "delete", prefix + "edit",
        prefix + "read"), List.copyOf(ours.keySet()));
    ours.forEach((name, privilege) -> assertEquals("pypi", privilege.get("format").asText(), name));
    assertEquals("[\"ADD\"]", ours.get(prefix + "add").get("actions").toString());
    assertEquals("[\"READ\"]", ours.get(prefix + "read").get("actions").toString());
    assertEquals("[\"EDIT\"]", ours.get(prefix + "edit").get("actions").toString());
  }

  @Test
  void anonymousReadingStopsWhenAnonymousAccessIsSwitchedOff() {
    assertStatuses(200, nexus.anonymous());

    nexus.admin().setAnonymousAccess(false);
    try {
      Map<String, HttpResponse<String>> refused = responses(nexus.anonymous());
      refused.forEach((route, response) -> {
        assertEquals(401, response.statusCode(), route);
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("BASIC"), route);
      });
      assertStatuses(200, nexus.as(reader.name(), reader.password()));
    }
    finally {
      nexus.admin().setAnonymousAccess(true);
    }
    assertStatuses(200, nexus.anonymous());
  }

  @Test
  void aUserWithoutReadIsForbiddenEveryRoute() {
    assertStatuses(403, nexus.as(stranger.name(), stranger.password()));

    UploadResponse upload = uploadsAs(stranger)
        .upload(LegacyUpload.of(WheelBuilder.of(PROJECT, "3.0").writeTo(files.resolve("stranger"))));

    assertEquals(403, upload.status(), upload::describe);
  }

  @Test
  void uploadingNeedsAdd() {
    Path wheel = WheelBuilder.of(PROJECT, "2.0").writeTo(files.resolve("second"));

    UploadResponse asReader = uploadsAs(reader).upload(LegacyUpload.of(wheel));
    UploadResponse anonymous = LegacyUploadClient.to(nexus.anonymous(), repository).upload(LegacyUpload.of(wheel));

    assertEquals(403, asReader.status(), asReader::describe);
    assertEquals(401, anonymous.status(), anonymous::describe);
    assertEquals(List.of("1.0"), versions());

    RepositoryUser adder = RepositoryUser.create(nexus.admin(), nexus.uniqueName("adder"), "pypi", repository, "add");
    UploadResponse asAdder = uploadsAs(adder).upload(LegacyUpload.of(wheel));

    assertEquals(200, asAdder.status(), asAdder::describe);
    assertEquals(List.of("1.0", "2.0"), versions());
  }

  @Test
  void aLargeUploadWithoutAddGetsItsRefusalEveryTime() {
    // Refused before its body is read, a 4 MiB upload must still get the answer, not a dropped connection: Nexus's
    // own refusal manages it every time, a 403 response of our own lost it about once in three.
    Path wheel = LargeWheel.write(files.resolve("large"), PROJECT, "4.0", 4 << 20, 11);

    for (int attempt = 0; attempt < 5; attempt++) {
      UploadResponse refused = uploadsAs(reader).upload(LegacyUpload.of(wheel));

      assertEquals(403, refused.status(), refused::describe);
    }
  }

  private static LegacyUploadClient uploadsAs(final RepositoryUser user) {
    return LegacyUploadClient.to(nexus.as(user.name(), user.password()), repository);
  }

  private static List<String> versions() {
    return nexus.admin().components(repository).stream().map(component -> component.get("version").asText())
        .sorted().toList();
  }

  private static void assertStatuses(final int status, final NexusHttp http) {
    responses(http).forEach((route, response) -> assertEquals(status, response.statusCode(), route));
  }

  private static Map<String, HttpResponse<String>> responses(final NexusHttp http) {
    Map<String, HttpResponse<String>> responses = new TreeMap<>();
    READ_ROUTES.forEach(route -> responses.put(route, http.get("repository/" + repository + "/" + route)));
    return responses;
  }
}
