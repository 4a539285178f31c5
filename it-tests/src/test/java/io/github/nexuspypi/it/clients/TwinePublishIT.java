package io.github.nexuspypi.it.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nexuspypi.core.index.CoreMetadataRef;
import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.name.ProjectName;
import io.github.nexuspypi.it.dists.BuiltDistributions;
import io.github.nexuspypi.it.dists.ProjectBuild;
import io.github.nexuspypi.it.dists.TinyProject;
import io.github.nexuspypi.it.dists.WheelBuilder;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * twine (Debian's 4.0.2) publishes real wheels, and the sdist and wheel that {@code python3 -m build} makes of a
 * project written here, as a user who may only add; the hosted repository then serves exactly those files, with
 * their digests and metadata, on every page and API a client reads.
 */
@NexusTest
class TwinePublishIT
{
  /** A non-normalised name, so that every place that must normalise it is exercised. */
  private static final TinyProject PROJECT = new TinyProject("Tiny.Demo", "1.0.0", "A tiny project to publish",
      Map.of("wheel", ">=0.38"), ">=3.7");

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Nexus nexus;

  private static PythonClients python;

  private static IsolatedEnvironment env;

  private static IndexPages pages;

  private static String repository;

  private static List<Path> uploaded;

  /** Normalised project name to the files published under it. */
  private static Map<String, List<LocalDistribution>> published;

  @BeforeAll
  static void publish() {
    repository = nexus.uniqueName("pypi-twine");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repository, "allow_once"));
    pages = new IndexPages(nexus.anonymous(), repository);
    RepositoryUser uploader = RepositoryUser.create(nexus.admin(), nexus.uniqueName("uploader"), "pypi", repository,
        "add");
    env = python.environment("twine-publish");
    Twine.configure(env, nexus, repository, uploader.name(), uploader.password());
    BuiltDistributions tiny = ProjectBuild.build(env, python, PROJECT.writeSetuptools(env.home().resolve("tiny")));
    uploaded = new ArrayList<>(DebianWheels.ALL);
    uploaded.addAll(tiny.both());

    twineUpload(uploaded).requireSuccess();

    published = uploaded.stream().map(LocalDistribution::of)
        .collect(Collectors.groupingBy(file -> projectOf(file.filename())));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"pip", "setuptools", "wheel", "tiny-demo"})
  void projectPagesListExactlyThePublishedFiles(final String project) {
    Map<String, LocalDistribution> expected = published.get(project).stream()
        .collect(Collectors.toMap(LocalDistribution::filename, Function.identity()));
    ProjectPage html = pages.html(project);
    ProjectPage json = pages.json(project);

    for (ProjectPage page : List.of(html, json)) {
      String form = page == html ? "HTML" : "JSON";
      assertEquals(project, page.name());
      assertEquals(new TreeSet<>(expected.keySet()), filenames(page), form);
      for (DistributionLink link : page.files()) {
        LocalDistribution local = expected.get(link.filename());
        String where = form + " " + link.filename();
        assertEquals(local.sha256(), link.hashes().get("sha256"), where);
        assertEquals(local.first("Requires-Python").orElse(null), link.requiresPython(), where);
        assertArrayEquals(local.bytes(), download(link.url()), where);
        if (local.isWheel()) {
          // PEP 658: the digest is of the .metadata file, which is the wheel's own METADATA, byte for byte.
          byte[] served = download(link.url() + ".metadata");
          assertEquals(CoreMetadataRef.sha256(LocalDistribution.sha256(served)), link.coreMetadata(), where);
          assertArrayEquals(local.metadata(), served, where);
        }
        else {
          assertNull(link.coreMetadata(), where);
        }
      }
    }
    for (DistributionLink link : json.files()) {
      assertEquals(expected.get(link.filename()).size(), link.size(), link.filename());
      assertTrue(link.uploadTime() != null, link.filename());
    }
    assertEquals(Set.of(expected.values().iterator().next().first("Version").orElseThrow()), json.versions());
  }

  @Test
  void theRootPageListsEveryProject() {
    Set<String> projects = new TreeSet<>(published.keySet());

    assertEquals(projects, new TreeSet<>(pages.projects()));
  }

  @Test
  void aNameThatIsNotNormalisedRedirectsToTheNormalisedPage() {
    assertRedirect("simple/Tiny.Demo/", "simple/tiny-demo/");
    assertRedirect("simple/TINY_demo/", "simple/tiny-demo/");
    assertRedirect("simple/tiny-demo", "simple/tiny-demo/");
    assertRedirect("pypi/Tiny.Demo/json", "pypi/tiny-demo/json");
    assertEquals(404, pages.status("not-uploaded"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"pip", "tiny-demo"})
  void theWarehouseJsonApiDescribesTheReleaseFromItsMetadata(final String project) throws IOException {
    List<LocalDistribution> files = published.get(project);
    LocalDistribution wheel = files.stream().filter(LocalDistribution::isWheel).findFirst().orElseThrow();
    String version = wheel.first("Version").orElseThrow();

    JsonNode whole = json("pypi/" + project + "/json");
    JsonNode release = json("pypi/" + project + "/" + version + "/json");
    // Warehouse finds a release by any spelling of its version that PEP 440 holds equal.
    JsonNode padded = json("pypi/" + project + "/" + version + ".0/json");

    for (JsonNode document : List.of(whole, release)) {
      JsonNode info = document.get("info");
      assertEquals(wheel.first("Name").orElseThrow(), info.get("name").asText());
      assertEquals(version, info.get("version").asText());
      assertEquals(wheel.first("Summary").orElseThrow(), info.get("summary").asText());
      assertEquals(wheel.first("Requires-Python").orElse(null), text(info.get("requires_python")));
      List<String> requiresDist = wheel.field("Requires-Dist");
      assertEquals(requiresDist.isEmpty() ? null : requiresDist, strings(info.get("requires_dist")));
      assertEquals(wheel.description(), info.get("description").asText());
      assertFiles(files, document.get("urls"));
      // A repository has no web page per project or release: its links lead to the simple page and the JSON.
      assertTrue(download(info.get("project_url").asText()).length > 0);
      assertEquals(release, JSON.readTree(download(info.get("release_url").asText())));
    }
    assertFiles(files, whole.get("releases").get(version));
    assertEquals(1, whole.get("releases").size(), whole::toPrettyString);
    assertFalse(release.has("releases"), "only the project document lists every release");
    assertEquals(release, padded);
    assertEquals(404, get(inRepository("pypi/" + project + "/" + version + ".1/json")).statusCode());
  }

  @Test
  void theSameUploadAgainSucceedsAndStoresNothingNew() {
    List<String> before = storedAssets();

    twineUpload(uploaded).requireSuccess();

    assertEquals(before, storedAssets());
    assertEquals(2 * uploaded.size(), before.size(), "each file and its .metadata: " + before);
  }

  @Test
  void otherBytesUnderATakenFileNameAreRefusedUnlessSkipped() {
    List<String> before = storedAssets();
    // Same name and version as Debian's wheel, so the same file name, but other bytes.
    WheelBuilder impostor = WheelBuilder.of("wheel", "0.38.4");
    Path other = impostor.writeTo(env.home().resolve("impostor"));
    assertEquals(DebianWheels.WHEEL.getFileName(), other.getFileName());

    ProcessResult refused = twineUpload(List.of(other)).requireFailure();
    ProcessResult skipped = twineUpload(List.of(other), "--skip-existing").requireSuccess();

    assertTrue(refused.output().contains("File already exists"), refused::describe);
    assertTrue(skipped.output().contains("Skipping " + other.getFileName()), skipped::describe);
    assertEquals(before, storedAssets());
    assertEquals(LocalDistribution.of(DebianWheels.WHEEL).sha256(),
        pages.json("wheel").files().get(0).hashes().get("sha256"));
  }

  @Test
  void filesAnswerConditionalAndRangeRequests() {
    LocalDistribution pip = LocalDistribution.of(DebianWheels.PIP);
    String url = link("pip", pip.filename()).url();

    HttpResponse<byte[]> full = get(url);
    String etag = full.headers().firstValue("ETag").orElseThrow();
    String lastModified = full.headers().firstValue("Last-Modified").orElseThrow();
    HttpResponse<byte[]> sameTag = get(url, "If-None-Match", etag);
    HttpResponse<byte[]> notModifiedSince = get(url, "If-Modified-Since", lastModified);
    HttpResponse<byte[]> range = get(url, "Range", "bytes=1000-1999");

    assertEquals(200, full.statusCode());
    assertArrayEquals(pip.bytes(), full.body());
    assertEquals("bytes", full.headers().firstValue("Accept-Ranges").orElse(null));
    assertEquals(304, sameTag.statusCode());
    assertEquals(0, sameTag.body().length);
    assertEquals(304, notModifiedSince.statusCode());
    assertEquals(206, range.statusCode());
    assertEquals("bytes 1000-1999/" + pip.size(), range.headers().firstValue("Content-Range").orElse(null));
    assertArrayEquals(Arrays.copyOfRange(pip.bytes(), 1000, 2000), range.body());
  }

  @Test
  void filesAndPagesCarrySensibleContentTypes() {
    LocalDistribution sdist = published.get("tiny-demo").stream().filter(file -> !file.isWheel()).findFirst()
        .orElseThrow();
    String wheelUrl = link("pip", DebianWheels.PIP.getFileName().toString()).url();

    assertEquals("application/zip", contentType(wheelUrl));
    assertTrue(Set.of("application/x-gzip", "application/gzip")
        .contains(contentType(link("tiny-demo", sdist.filename()).url())));
    assertTrue(contentType(wheelUrl + ".metadata").startsWith("text/plain"));
    String page = inRepository("simple/pip/");
    HttpResponse<byte[]> html = get(page, "Accept", "text/html");
    HttpResponse<byte[]> notModified = get(page, "Accept", "text/html",
        "If-None-Match", html.headers().firstValue("ETag").orElseThrow());
    assertTrue(html.headers().allValues("Vary").stream().anyMatch(vary -> vary.contains("Accept")),
        () -> html.headers().map().toString());
    assertEquals(304, notModified.statusCode());
  }

  private static ProcessResult twineUpload(final List<Path> files, final String... options) {
    return Twine.upload(env, python, files, options);
  }

  private static List<String> storedAssets() {
    return StoredAssets.of(nexus, repository);
  }

  private static void assertFiles(final List<LocalDistribution> expected, final JsonNode files) {
    Map<String, LocalDistribution> byName = expected.stream()
        .collect(Collectors.toMap(LocalDistribution::filename, Function.identity()));
    assertEquals(byName.keySet(), stream(files).map(file -> file.get("filename").asText()).collect(Collectors.toSet()),
        files::toPrettyString);
    for (JsonNode file : files) {
      LocalDistribution local = byName.get(file.get("filename").asText());
      assertEquals(local.sha256(), file.get("digests").get("sha256").asText());
      assertEquals(local.isWheel() ? "bdist_wheel" : "sdist", file.get("packagetype").asText());
      // What twine sends as pyversion: the wheel's python tag; none for an sdist, which Warehouse files as "source".
      assertEquals(local.isWheel() ? "py3" : "source", file.get("python_version").asText(), file::toPrettyString);
      assertArrayEquals(local.bytes(), download(file.get("url").asText()));
    }
  }

  private static DistributionLink link(final String project, final String filename) {
    return pages.json(project).files().stream().filter(file -> file.filename().equals(filename))
        .findFirst().orElseThrow(() -> new AssertionError(filename + " is not on the page of " + project));
  }

  private static void assertRedirect(final String path, final String target) {
    HttpResponse<byte[]> response = get(inRepository(path));
    assertEquals(301, response.statusCode(), path);
    URI location = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
    assertEquals(nexus.anonymous().resolve(inRepository(target)), location, path);
  }

  private static JsonNode json(final String path) throws IOException {
    HttpResponse<byte[]> response = get(inRepository(path));
    assertEquals(200, response.statusCode(), path);
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
    return JSON.readTree(response.body());
  }

  private static String contentType(final String url) {
    HttpResponse<byte[]> response = get(url);
    assertEquals(200, response.statusCode(), url);
    return response.headers().firstValue("Content-Type").orElse("");
  }

  private static String inRepository(final String path) {
    return "repository/" + repository + "/" + path;
  }

  /** The body of a file the index links to, which must be there. */
  private static byte[] download(final String url) {
    HttpResponse<byte[]> response = get(url);
    assertEquals(200, response.statusCode(), url);
    return response.body();
  }

  /** An anonymous GET, as pip's, of a URL or a path under Nexus's base, with these header names and values. */
  private static HttpResponse<byte[]> get(final String url, final String... headers) {
    HttpRequest.Builder request = nexus.anonymous().request(url).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return nexus.anonymous().send(request.build(), BodyHandlers.ofByteArray());
  }

  private static Set<String> filenames(final ProjectPage page) {
    return page.files().stream().map(DistributionLink::filename).collect(Collectors.toCollection(TreeSet::new));
  }

  private static String projectOf(final String filename) {
    return ProjectName.normalize(filename.substring(0, filename.indexOf('-')));
  }

  private static String text(final JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static List<String> strings(final JsonNode node) {
    return node == null || node.isNull() ? null : stream(node).map(JsonNode::asText).toList();
  }

  private static Stream<JsonNode> stream(final JsonNode array) {
    List<JsonNode> nodes = new ArrayList<>();
    array.forEach(nodes::add);
    return nodes.stream();
  }
}
