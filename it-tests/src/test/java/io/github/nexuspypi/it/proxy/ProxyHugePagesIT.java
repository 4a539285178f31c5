package io.github.nexuspypi.it.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.nexuspypi.it.bench.HeapSampler;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.HeapUsage;
import io.github.nexuspypi.it.nexus.NexusLogExcerpt;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.upstream.FakeIndex;
import io.github.nexuspypi.it.upstream.GeneratedProject;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Upstream pages of about 60 MiB (300 000 files, under the proxy's 64 MiB cap on a page), four of them asked for the
 * first time at once, in the harness's 1.5 GB heap: each is converted and served without Nexus running out of
 * memory, in both formats, with every file listed and linked into the proxy.
 */
@NexusTest
class ProxyHugePagesIT
{
  private static final int FILES = 300_000;

  private static final int PAGES = 4;

  private static final JsonFactory JSON = new JsonFactory();

  private static final List<GeneratedProject> PROJECTS = new ArrayList<>();

  private static GeneratedProject another;

  private static Nexus nexus;

  private static FakeIndex upstream;

  private static String proxy;

  @BeforeAll
  static void proxyAnUpstreamWithHugePages() {
    upstream = FakeIndex.start();
    for (int i = 0; i < PAGES; i++) {
      PROJECTS.add(upstream.generatedProject("huge-" + (char) ('a' + i), FILES));
    }
    // Its own, so that the pages above are first asked for at once, whichever test runs first.
    another = upstream.generatedProject("huge-" + (char) ('a' + PAGES), FILES);
    proxy = nexus.uniqueName("pypi-proxy-huge");
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", proxy, upstream.uri().toString()));
  }

  @AfterAll
  static void stopTheUpstream() {
    upstream.close();
  }

  @Test
  void fourHugePagesAskedForAtOnceAreEachServedWhole() throws Exception {
    NexusLogExcerpt log = NexusLogExcerpt.startingNow(nexus.installation());
    ExecutorService clients = Executors.newFixedThreadPool(PAGES);
    List<Future<Listed>> answers = new ArrayList<>();
    HeapUsage peak;
    try (HeapSampler heap = HeapSampler.start(nexus.admin()::heap, Duration.ofMillis(500))) {
      for (GeneratedProject project : PROJECTS) {
        answers.add(clients.submit(() -> list(project, IndexPages.JSON)));
      }
      for (int i = 0; i < PAGES; i++) {
        assertServedWhole(PROJECTS.get(i), answers.get(i));
      }
      peak = heap.peak();
    }
    finally {
      clients.shutdownNow();
    }
    System.out.println("Nexus heap, largest sample while converting " + PAGES + " pages of " + FILES + " files: "
        + (peak == null ? "no sample" : peak.describe()));

    assertEquals(List.of(), log.linesWith("OutOfMemoryError"), "nexus.log");
    assertTrue(nexus.installation().runningProcess().isPresent(), "Nexus is still running");
  }

  @Test
  void aHugePageIsServedAsHtmlAndAgainAsJsonOnceKept() throws Exception {
    GeneratedProject project = another;

    Listed html = list(project, IndexPages.HTML);
    Listed json = list(project, IndexPages.JSON);

    assertListsEveryFile(project, html, IndexPages.HTML);
    assertListsEveryFile(project, json, IndexPages.JSON);
    // Rendered at every request, yet known by the kept copy: a client's revalidation costs no rendering.
    assertNotNull(json.etag(), "ETag");
    assertEquals(304, conditional(project, json.etag()), "If-None-Match " + json.etag());
  }

  private static void assertServedWhole(final GeneratedProject project, final Future<Listed> answer)
      throws InterruptedException
  {
    try {
      assertListsEveryFile(project, answer.get(), IndexPages.JSON);
    }
    catch (ExecutionException e) {
      throw new AssertionError(project.name() + ": " + e.getCause(), e.getCause());
    }
  }

  private static void assertListsEveryFile(final GeneratedProject project, final Listed listed, final String format) {
    String what = project.name() + " as " + format;
    assertEquals(200, listed.status(), () -> what + ": " + listed.firstLink());
    assertEquals(FILES, listed.files(), what);
    String last = project.filename(FILES - 1);
    assertTrue(listed.lastLink().contains("packages/" + project.name() + "/1." + (project.releases() - 1) + "/"
        + last), () -> what + ": " + listed.lastLink());
  }

  /** What a page lists, counted as it arrives: the test JVM does not hold four such pages either. */
  private record Listed(int status, int files, String firstLink, String lastLink, String etag)
  {
  }

  private static int conditional(final GeneratedProject project, final String etag) {
    return nexus.anonymous().send(nexus.anonymous().request(pagePath(project)).header("Accept", IndexPages.JSON)
        .header("If-None-Match", etag).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String pagePath(final GeneratedProject project) {
    return "repository/" + proxy + "/simple/" + project.name() + "/";
  }

  private static Listed list(final GeneratedProject project, final String format) {
    HttpResponse<InputStream> response = nexus.anonymous().send(
        nexus.anonymous().request(pagePath(project)).header("Accept", format).GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
    String etag = response.headers().firstValue("ETag").orElse(null);
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        return new Listed(response.statusCode(), 0, new String(body.readAllBytes(), StandardCharsets.UTF_8), "",
            etag);
      }
      return format.equals(IndexPages.JSON) ? jsonLinks(body, etag) : htmlLinks(body, etag);
    }
    catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Listed jsonLinks(final InputStream body, final String etag) throws IOException {
    int files = 0;
    String first = null;
    String last = null;
    try (JsonParser json = JSON.createParser(body)) {
      for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
        if (token == JsonToken.FIELD_NAME && json.currentName().equals("url")) {
          json.nextToken();
          files++;
          last = json.getText();
          first = first == null ? last : first;
        }
      }
    }
    return new Listed(200, files, first, last, etag);
  }

  private static Listed htmlLinks(final InputStream body, final String etag) throws IOException {
    int files = 0;
    String first = null;
    String last = null;
    String html = new String(body.readAllBytes(), StandardCharsets.UTF_8);
    for (int at = html.indexOf("<a href=\""); at >= 0; at = html.indexOf("<a href=\"", at + 1)) {
      files++;
      last = html.substring(at + 9, html.indexOf('"', at + 9));
      first = first == null ? last : first;
    }
    return new Listed(200, files, first, last, etag);
  }
}
