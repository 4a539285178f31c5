package io.github.nexuspypi.it.hosted;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.nexuspypi.core.index.SimpleHtmlParser;
import io.github.nexuspypi.core.index.SimpleJsonParser;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.upload.LegacyUpload;
import io.github.nexuspypi.it.upload.LegacyUploadClient;
import io.github.nexuspypi.it.upload.UploadResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hosted repository's root page {@code /simple/}, which Nexus keeps on disk between changes: a project uploaded or
 * deleted shows in the very next request, in both formats, with new validators; a release added to a project
 * already listed leaves the page, and what a client revalidating it gets, as it was.
 */
@NexusTest
class RootPageIT
{
  private static Nexus nexus;

  @TempDir
  static Path files;

  private static String createRepository() {
    String name = nexus.uniqueName("pypi-root");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", name, "allow_once"));
    return name;
  }

  private static void upload(final String repository, final WheelBuilder wheel) {
    Path file = wheel.writeTo(files.resolve(repository));
    UploadResponse response = LegacyUploadClient.to(nexus.http(), repository).upload(LegacyUpload.of(file));
    assertEquals(200, response.status(), response::describe);
  }

  private static HttpResponse<String> root(final String repository, final String accept, final String etag) {
    var request = nexus.http().request("repository/" + repository + "/simple/").header("Accept", accept);
    if (etag != null) {
      request.header("If-None-Match", etag);
    }
    return nexus.http().send(request.GET().build(), BodyHandlers.ofString());
  }

  /** The names as published that the root lists, in its order. */
  private static List<String> names(final HttpResponse<String> root) throws IOException {
    assertEquals(200, root.statusCode(), root::body);
    List<String> names = new ArrayList<>();
    if (root.headers().firstValue("Content-Type").orElse("").startsWith(IndexPages.JSON)) {
      SimpleJsonParser.parseIndex(new ByteArrayInputStream(root.body().getBytes(StandardCharsets.UTF_8)),
          entry -> names.add(entry.name()));
    }
    else {
      SimpleHtmlParser.parseIndex(new StringReader(root.body()), entry -> names.add(entry.name()));
    }
    return names;
  }

  private static String etag(final HttpResponse<String> root) {
    return root.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + root.headers()));
  }

  @Test
  void aProjectUploadedOrDeletedShowsInTheNextRequestInBothFormats() throws IOException {
    String repository = createRepository();
    upload(repository, WheelBuilder.of("Zeta.Tools", "1.0"));
    HttpResponse<String> before = root(repository, IndexPages.JSON, null);
    assertEquals(List.of("Zeta.Tools"), names(before));
    assertEquals(List.of("Zeta.Tools"), names(root(repository, IndexPages.HTML, null)));

    upload(repository, WheelBuilder.of("Alpha_Beta", "1.0"));

    HttpResponse<String> json = root(repository, IndexPages.JSON, null);
    assertEquals(List.of("Alpha_Beta", "Zeta.Tools"), names(json));
    assertEquals(List.of("Alpha_Beta", "Zeta.Tools"), names(root(repository, IndexPages.HTML, null)));
    assertNotEquals(etag(before), etag(json));
    assertEquals(200, root(repository, IndexPages.JSON, etag(before)).statusCode());

    nexus.admin().deleteComponent(nexus.admin().components(repository).stream()
        .filter(release -> release.get("name").asText().equals("zeta-tools"))
        .map(release -> release.get("id").asText()).findFirst().orElseThrow());

    assertEquals(List.of("Alpha_Beta"), names(root(repository, IndexPages.JSON, null)));
    assertEquals(List.of("Alpha_Beta"), names(root(repository, IndexPages.HTML, null)));
  }

  @Test
  void aNewReleaseOfAListedProjectLeavesTheRootAsItWasForARevalidatingClient() throws IOException {
    String repository = createRepository();
    upload(repository, WheelBuilder.of("steady", "1.0"));
    HttpResponse<String> html = root(repository, IndexPages.HTML, null);
    HttpResponse<String> json = root(repository, IndexPages.JSON, null);
    assertNotEquals(etag(html), etag(json), "one ETag per format");

    upload(repository, WheelBuilder.of("steady", "2.0"));

    assertEquals(304, root(repository, IndexPages.HTML, etag(html)).statusCode());
    assertEquals(304, root(repository, IndexPages.JSON, etag(json)).statusCode());
    HttpResponse<String> again = root(repository, IndexPages.JSON, null);
    assertEquals(json.body(), again.body());
    assertTrue(again.headers().firstValue("Vary").orElse("").contains("Accept"), again.headers().toString());
  }
}
