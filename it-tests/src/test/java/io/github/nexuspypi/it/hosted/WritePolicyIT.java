package io.github.nexuspypi.it.hosted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nexuspypi.core.hash.FileDigests;
import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.CountedBlobStore;
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
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a hosted repository's write policy does to a file name that is taken: {@code allow_once} keeps the first
 * bytes (and takes the same bytes again without storing them), {@code allow} replaces them for a user who may edit,
 * {@code deny} takes nothing.
 */
@NexusTest
class WritePolicyIT
{
  private static final String PROJECT = "write-policy";

  private static final String FILE = "write_policy-1.0-py3-none-any.whl";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Nexus nexus;

  @TempDir
  static Path files;

  private static Path first;

  /** The same file name as {@link #first}, other bytes: one more module in the wheel. */
  private static Path other;

  @BeforeAll
  static void buildTwoWheelsOfOneName() {
    first = WheelBuilder.of(PROJECT, "1.0").writeTo(files.resolve("first"));
    other = WheelBuilder.of(PROJECT, "1.0").file("write_policy/extra.py", "EXTRA = True\n")
        .writeTo(files.resolve("other"));
    assertEquals(FILE, first.getFileName().toString());
    assertEquals(FILE, other.getFileName().toString());
  }

  /** A repository with its own blob store, and its uploader and pages as the administrator sees them. */
  private record Hosted(String name, CountedBlobStore blobs, LegacyUploadClient uploads, IndexPages pages)
  {
    static Hosted create(final String writePolicy) {
      CountedBlobStore blobs = nexus.countedBlobStore(nexus.uniqueName("blobs-" + writePolicy.replace('_', '-')));
      String name = nexus.uniqueName("pypi-" + writePolicy.replace('_', '-'));
      nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", name, writePolicy, blobs.name()));
      return new Hosted(name, blobs, LegacyUploadClient.to(nexus.http(), name), new IndexPages(nexus.http(), name));
    }

    LegacyUploadClient uploadsAs(final RepositoryUser user) {
      return LegacyUploadClient.to(nexus.as(user.name(), user.password()), name);
    }

    /** The sha256 the project page gives the file, in HTML and in JSON, which must agree. */
    String pageSha256() {
      String html = sha256(pages.html(PROJECT));
      assertEquals(html, sha256(pages.json(PROJECT)), "sha256 of " + FILE + " in the JSON page");
      return html;
    }

    byte[] served() {
      HttpResponse<byte[]> file = nexus.http().getBytes("repository/" + name + "/packages/" + PROJECT + "/1.0/" + FILE);
      assertEquals(200, file.statusCode(), () -> "GET " + file.uri());
      return file.body();
    }

    List<JsonNode> assets() {
      return nexus.admin().assets(name);
    }
  }

  @Test
  void allowOnceTakesTheSameBytesAgainButNoOthers() throws IOException {
    Hosted hosted = Hosted.create("allow_once");
    assertEquals(200, hosted.uploads().upload(LegacyUpload.of(first)).status());
    List<JsonNode> stored = hosted.assets();
    hosted.blobs().assertBlobCount(2);

    UploadResponse again = hosted.uploads().upload(LegacyUpload.of(first));

    assertEquals(200, again.status(), again::describe);
    assertEquals(stored, hosted.assets(), "the assets, their blobs and times, are those of the first upload");
    assertEquals(1, nexus.admin().components(hosted.name()).size());
    hosted.blobs().assertBlobCount(2);

    UploadResponse refused = hosted.uploads().upload(LegacyUpload.of(other));

    assertEquals(400, refused.status(), refused::describe);
    String message = "File already exists ('" + FILE + "', with sha256 hash '" + sha256(first) + "') with other "
        + "contents.";
    assertTrue(refused.reason().contains(message), refused::describe);
    assertTrue(refused.body().contains(message), refused::describe);
    // twine, poetry and pdm skip such files when told to, by finding these words in a 400 answer.
    assertTrue(refused.reason().contains("already exist"), refused::describe);
    assertTrue(refused.reason().contains("--skip-existing"), refused::describe);
    assertEquals(stored, hosted.assets());
    assertEquals(sha256(first), hosted.pageSha256());
    assertArrayEquals(Files.readAllBytes(first), hosted.served());
    hosted.blobs().assertBlobCount(2);
  }

  @Test
  void allowReplacesAFileForAUserWhoMayEditAndForNobodyElse() throws IOException {
    Hosted hosted = Hosted.create("allow");
    assertEquals(200, hosted.uploads().upload(LegacyUpload.of(first)).status());
    RepositoryUser adder = RepositoryUser.create(nexus.admin(), nexus.uniqueName("adder"), "pypi", hosted.name(),
        "read", "add");
    RepositoryUser editor = RepositoryUser.create(nexus.admin(), nexus.uniqueName("editor"), "pypi", hosted.name(),
        "read", "add", "edit");

    UploadResponse forbidden = hosted.uploadsAs(adder).upload(LegacyUpload.of(other));

    assertEquals(403, forbidden.status(), forbidden::describe);
    String message = "Replacing '" + FILE + "' needs the 'edit' privilege on repository '" + hosted.name()
        + "' (nx-repository-view-pypi-" + hosted.name() + "-edit)";
    assertTrue(forbidden.reason().contains(message), forbidden::describe);
    assertTrue(forbidden.body().contains(message), forbidden::describe);
    assertEquals(sha256(first), hosted.pageSha256());
    assertArrayEquals(Files.readAllBytes(first), hosted.served());
    hosted.blobs().assertBlobCount(2);

    // Adding a file that is not there yet needs no more than add.
    Path newRelease = WheelBuilder.of(PROJECT, "1.1").writeTo(files.resolve("new-release"));
    UploadResponse added = hosted.uploadsAs(adder).upload(LegacyUpload.of(newRelease));
    assertEquals(200, added.status(), added::describe);
    hosted.blobs().assertBlobCount(4);

    UploadResponse replaced = hosted.uploadsAs(editor).upload(LegacyUpload.of(other));

    assertEquals(200, replaced.status(), replaced::describe);
    assertEquals(sha256(other), hosted.pageSha256(), "the page of the very next request");
    assertArrayEquals(Files.readAllBytes(other), hosted.served());
    JsonNode release = JSON.readTree(NexusHttp.expect(nexus.http().get("repository/" + hosted.name() + "/pypi/"
        + PROJECT + "/1.0/json"), 200).body());
    assertEquals(sha256(other), release.get("urls").get(0).get("digests").get("sha256").asText());
    assertEquals(2, nexus.admin().components(hosted.name()).size());
    assertEquals(4, hosted.assets().size(), "two files and their .metadata");
    // The new file and its .metadata; the replaced blobs stay until Nexus's asset blob cleanup task removes them.
    hosted.blobs().assertBlobCount(6);
  }

  @Test
  void denyTakesNothing() {
    Hosted hosted = Hosted.create("deny");

    UploadResponse refused = hosted.uploads().upload(LegacyUpload.of(first));

    assertEquals(400, refused.status(), refused::describe);
    String message = "Repository '" + hosted.name() + "' is read-only: its write policy denies every upload.";
    assertTrue(refused.reason().contains(message), refused::describe);
    assertTrue(refused.body().contains(message), refused::describe);
    assertEquals(List.of(), nexus.admin().components(hosted.name()));
    assertEquals(List.of(), hosted.assets());
    assertEquals(404, hosted.pages().status(PROJECT));
    hosted.blobs().assertBlobCount(0);
  }

  private static String sha256(final ProjectPage page) {
    DistributionLink link = page.files().stream().filter(file -> file.filename().equals(FILE)).findFirst()
        .orElseThrow(() -> new AssertionError(FILE + " is not on the page: " + page));
    return link.hashes().get("sha256");
  }

  private static String sha256(final Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return FileDigests.of(in).sha256();
    }
  }
}
