package io.github.nexuspypi.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.NexusApiException;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness boots a Nexus that works: REST API, security and a raw repository round trip. */
@NexusTest
class NexusBootIT
{
  private Nexus nexus;

  @Test
  void nexusIsWritableAndListensOnLoopback() {
    assertTrue(nexus.admin().isWritable());
    assertEquals("127.0.0.1", nexus.baseUri().getHost());
  }

  @Test
  void adminLogsInAndAWrongPasswordIsRefused() {
    assertEquals(200, nexus.http().get("service/rest/v1/status/check").statusCode());
    assertEquals(401, nexus.as("admin", "not-" + nexus.adminPassword())
        .get("service/rest/v1/status/check").statusCode());
  }

  @Test
  void rawHostedRepositoryStoresAFileAndServesItBack() {
    String repository = nexus.uniqueName("raw-boot");
    nexus.admin().createRepository(RepositoryDefinition.hosted("raw", repository, "allow"));
    byte[] content = ("stored in " + repository).getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> put = nexus.http().put("repository/" + repository + "/dir/hello.txt", content);
    HttpResponse<byte[]> get = nexus.http().getBytes("repository/" + repository + "/dir/hello.txt");

    assertEquals(201, put.statusCode(), put.body());
    assertEquals(200, get.statusCode());
    assertEquals(new String(content, StandardCharsets.UTF_8), new String(get.body(), StandardCharsets.UTF_8));
    assertEquals("raw", nexus.admin().repository(repository).get("format").asText());
    List<JsonNode> components = nexus.admin().components(repository);
    assertEquals(1, components.size(), components::toString);
    assertEquals("/dir/hello.txt", components.get(0).get("assets").get(0).get("path").asText());

    nexus.admin().deleteComponent(components.get(0).get("id").asText());
    assertEquals(404, nexus.http().get("repository/" + repository + "/dir/hello.txt").statusCode());
    nexus.admin().deleteRepository(repository);
    assertNull(nexus.admin().repository(repository));
  }

  @Test
  void searchFindsWhatWasStored() throws InterruptedException {
    String repository = nexus.uniqueName("raw-search");
    nexus.admin().createRepository(RepositoryDefinition.hosted("raw", repository, "allow"));
    nexus.http().put("repository/" + repository + "/found/me.txt", new byte[] {1, 2, 3});

    // Elasticsearch indexes a moment after the write.
    List<JsonNode> found = List.of();
    for (long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
         found.isEmpty() && System.nanoTime() < deadline; Thread.sleep(500)) {
      found = nexus.admin().search(Map.of("repository", repository));
    }

    assertEquals(1, found.size(), "search results: " + found);
    assertEquals(repository, found.get(0).get("repository").asText());
  }

  @Test
  void aRoleGrantsReadButNotWrite() {
    String repository = nexus.uniqueName("raw-secured");
    nexus.admin().createRepository(RepositoryDefinition.hosted("raw", repository, "allow"));
    nexus.http().put("repository/" + repository + "/secret.txt", new byte[] {42});
    String role = nexus.uniqueName("raw-reader");
    String user = nexus.uniqueName("reader");
    nexus.admin().createRole(role, List.of("nx-repository-view-raw-" + repository + "-read"), List.of());
    nexus.admin().createUser(user, "reader-password", List.of(role));

    try {
      assertEquals(200, nexus.as(user, "reader-password").get("repository/" + repository + "/secret.txt")
          .statusCode());
      assertEquals(403, nexus.as(user, "reader-password").put("repository/" + repository + "/other.txt",
          new byte[] {1}).statusCode());
    }
    finally {
      nexus.admin().deleteUser(user);
      nexus.admin().deleteRole(role);
    }
    assertEquals(401, nexus.as(user, "reader-password").get("repository/" + repository + "/secret.txt")
        .statusCode());
  }

  @Test
  void anonymousAccessCanBeSwitchedOffAndOn() {
    String repository = nexus.uniqueName("raw-anonymous");
    nexus.admin().createRepository(RepositoryDefinition.hosted("raw", repository, "allow"));
    nexus.http().put("repository/" + repository + "/public.txt", new byte[] {7});
    String path = "repository/" + repository + "/public.txt";

    nexus.admin().setAnonymousAccess(false);
    try {
      assertEquals(401, nexus.anonymous().get(path).statusCode());
    }
    finally {
      nexus.admin().setAnonymousAccess(true);
    }
    assertEquals(200, nexus.anonymous().get(path).statusCode());
  }

  @Test
  void refusedRequestsReportNexusOwnWords() {
    String repository = nexus.uniqueName("raw-twice");
    RepositoryDefinition definition = RepositoryDefinition.hosted("raw", repository, "allow");
    nexus.admin().createRepository(definition);

    NexusApiException refused = assertThrows(NexusApiException.class, () -> nexus.admin().createRepository(definition));

    assertEquals(400, refused.status());
    assertTrue(refused.getMessage().contains("/service/rest/v1/repositories/raw/hosted"), refused.getMessage());
    assertTrue(refused.getMessage().contains("Duplicate key"), refused.getMessage());
  }
}
