package io.github.nexuspypi.it.group;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.NexusHttp;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.nexus.RepositoryUser;
import io.github.nexuspypi.it.upload.LegacyUpload;
import io.github.nexuspypi.it.upload.LegacyUploadClient;
import io.github.nexuspypi.it.upload.UploadResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An administrator's view of a pypi group: the REST API in Sonatype's group shape with the guard beside it, and
 * privileges as Nexus has them for every format: read on the group is enough, whatever the members allow.
 */
@NexusTest
class GroupAdministrationIT
{
  private static final String API = "service/rest/v1/repositories/pypi/group";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Nexus nexus;

  @TempDir
  static Path files;

  private static String hosted;

  private static String wheelName;

  @BeforeAll
  static void createAMember() {
    hosted = nexus.uniqueName("pypi-admin-member");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", hosted, "allow_once"));
    WheelBuilder wheel = WheelBuilder.of("admin-demo", "1.0");
    wheelName = wheel.fileName();
    UploadResponse uploaded = LegacyUploadClient.to(nexus.http(), hosted).upload(LegacyUpload.of(wheel.writeTo(files)));
    assertEquals(200, uploaded.status(), uploaded::describe);
  }

  @Test
  void restCreatesReadsAndUpdatesInSonatypesShape() throws IOException {
    String other = nexus.uniqueName("pypi-admin-other");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", other, "allow_once"));
    String name = nexus.uniqueName("pypi-group-rest");
    ObjectNode request = (ObjectNode) JSON.readTree("""
        {"name": "%s", "online": true,
         "storage": {"blobStoreName": "default", "strictContentTypeValidation": true},
         "group": {"memberNames": ["%s"]}}
        """.formatted(name, hosted));

    NexusHttp.expect(nexus.http().json("POST", API, request.toString()), 201);

    JsonNode read = nexus.admin().repositoryDefinition("pypi", "group", name);
    assertEquals(JSON.readTree("""
        {"name": "%s", "format": "pypi", "type": "group", "url": "%s", "online": true,
         "storage": {"blobStoreName": "default", "strictContentTypeValidation": true},
         "group": {"memberNames": ["%s"]},
         "pypi": {"dependencyConfusionGuard": true}}
        """.formatted(name, nexus.baseUri() + "repository/" + name, hosted)), read);

    ((ObjectNode) request.get("group")).putArray("memberNames").add(other).add(hosted);
    request.putObject("pypi").put("dependencyConfusionGuard", false);
    NexusHttp.expect(nexus.http().json("PUT", API + "/" + name, request.toString()), 204);

    JsonNode updated = nexus.admin().repositoryDefinition("pypi", "group", name);
    assertEquals(JSON.readTree("[\"" + other + "\", \"" + hosted + "\"]"), updated.at("/group/memberNames"));
    assertEquals(false, updated.at("/pypi/dependencyConfusionGuard").asBoolean(true));
  }

  @Test
  void aMemberOfAnotherFormatIsRefused() {
    String raw = nexus.uniqueName("raw-not-pypi");
    nexus.admin().createRepository("raw", "hosted", """
        {"name": "%s", "online": true,
         "storage": {"blobStoreName": "default", "strictContentTypeValidation": false, "writePolicy": "allow"}}
        """.formatted(raw));
    String body = """
        {"name": "%s", "online": true, "storage": {"blobStoreName": "default", "strictContentTypeValidation": true},
         "group": {"memberNames": ["%s"]}}
        """.formatted(nexus.uniqueName("pypi-group-mixed"), raw);

    assertEquals(400, nexus.http().json("POST", API, body).statusCode());
  }

  @Test
  void readOnTheGroupIsEnoughForItsPagesAndFiles() {
    String group = nexus.uniqueName("pypi-group-guarded");
    nexus.admin().createRepository(RepositoryDefinition.group("pypi", group, List.of(hosted)));
    RepositoryUser reader = RepositoryUser.create(nexus.admin(), nexus.uniqueName("group-reader"), "pypi", group,
        "read");
    RepositoryUser stranger = RepositoryUser.create(nexus.admin(), nexus.uniqueName("group-stranger"), "pypi",
        hosted, "read");
    List<String> routes = List.of("simple/", "simple/admin-demo/", "packages/admin-demo/1.0/" + wheelName,
        "packages/admin-demo/1.0/" + wheelName + ".metadata", "pypi/admin-demo/json");

    for (String route : routes) {
      String path = "repository/" + group + "/" + route;
      assertEquals(200, nexus.as(reader.name(), reader.password()).get(path).statusCode(), route);
      assertEquals(403, nexus.as(stranger.name(), stranger.password()).get(path).statusCode(), route);
    }
    assertEquals(403, nexus.as(reader.name(), reader.password()).get("repository/" + hosted + "/simple/admin-demo/")
        .statusCode(), "the member itself stays closed to the group's reader");

    nexus.admin().setAnonymousAccess(false);
    try {
      for (String route : routes) {
        assertEquals(401, nexus.anonymous().get("repository/" + group + "/" + route).statusCode(), route);
      }
      UploadResponse upload = LegacyUploadClient.to(nexus.anonymous(), group)
          .upload(LegacyUpload.of(WheelBuilder.of("anonymous-demo", "1.0").writeTo(files.resolve("anonymous"))));
      assertEquals(401, upload.status(), "an upload to the group names its members only to its readers");
    }
    finally {
      nexus.admin().setAnonymousAccess(true);
    }
    assertEquals(200, new IndexPages(nexus.anonymous(), group).status("admin-demo"));
  }
}
