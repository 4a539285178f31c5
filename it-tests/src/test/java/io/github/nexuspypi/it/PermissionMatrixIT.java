package io.github.nexuspypi.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.Eventually;
import io.github.nexuspypi.it.nexus.NexusHttp;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.nexus.RepositoryUser;
import io.github.nexuspypi.it.upload.LegacyUpload;
import io.github.nexuspypi.it.upload.LegacyUploadClient;
import io.github.nexuspypi.it.upload.UploadResponse;
import io.github.nexuspypi.it.upstream.FakeIndex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Who may do what: every role against every action on a hosted, a proxy and a group repository, each cell's exact
 * status, and no answer naming or hashing a file the role may not read. The admin guide's "Security model" shows the
 * same tables.
 * <p>
 * Each repository serves the project {@code matrix}, which the team's content selector selects, and {@code hidden},
 * which it does not. Listings (search, browse) show, after the status, which of the two they name. The roles'
 * privileges are on the repository under test; "no privilege" has them all on another repository.
 */
@NexusTest
class PermissionMatrixIT
{
  static final String TEAM_EXPRESSION = "format == \"pypi\" and path =~ \"/(simple|packages|pypi)/matrix(/.*)?\"";

  private static final String HOSTED = String.join("\n",
      "role | page | other page | root | file | .metadata | JSON API | upload | same again | replace | yank, unyank"
          + " | REST delete | search | browse",
      "anonymous | 200 | 200 | 200 | 200 | 200 | 200 | 401 | 401 | 401 | 403, 403 | 403 | 200 hidden matrix"
          + " | 200 hidden matrix",
      "anonymous, access off | 401 | 401 | 401 | 401 | 401 | 401 | 401 | 401 | 401 | 403, 403 | 403 | 200 - | 404",
      "no privilege | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403, 403 | 403 | 200 - | 404",
      "read | 200 | 200 | 200 | 200 | 200 | 200 | 403 | 403 | 403 | 403, 403 | 403 | 200 hidden matrix"
          + " | 200 hidden matrix",
      "read, add | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 403 | 403, 403 | 403 | 200 hidden matrix"
          + " | 200 hidden matrix",
      "read, add, edit | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 204, 204 | 403"
          + " | 200 hidden matrix | 200 hidden matrix",
      "team selector | 200 | 403 | 403 | 200 | 200 | 200 | 200 | 200 | 200 | 204, 204 | 404 | 200 matrix"
          + " | 200 matrix",
      "admin | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 200 | 204, 204 | 204 | 200 hidden matrix"
          + " | 200 hidden matrix");

  private static final String PROXY = String.join("\n",
      "role | page | other page | root | file | .metadata | upload | yank, unyank | REST delete | search | browse",
      "anonymous | 200 | 200 | 200 | 200 | 200 | 404 | 403, 403 | 403 | 200 hidden matrix | 200 hidden matrix",
      "anonymous, access off | 401 | 401 | 401 | 401 | 401 | 404 | 403, 403 | 403 | 200 - | 404",
      "no privilege | 403 | 403 | 403 | 403 | 403 | 404 | 403, 403 | 403 | 200 - | 404",
      "read | 200 | 200 | 200 | 200 | 200 | 404 | 404, 404 | 403 | 200 hidden matrix | 200 hidden matrix",
      "read, add | 200 | 200 | 200 | 200 | 200 | 404 | 404, 404 | 403 | 200 hidden matrix | 200 hidden matrix",
      "read, add, edit | 200 | 200 | 200 | 200 | 200 | 404 | 404, 404 | 403 | 200 hidden matrix | 200 hidden matrix",
      "team selector | 200 | 403 | 403 | 200 | 200 | 404 | 404, 404 | 404 | 200 matrix | 200 matrix",
      "admin | 200 | 200 | 200 | 200 | 200 | 404 | 404, 404 | 204 | 200 hidden matrix | 200 hidden matrix");

  private static final String GROUP = String.join("\n",
      "role | page | other page | root | file | .metadata | JSON API | upload | yank, unyank | search | browse",
      "anonymous | 200 | 200 | 200 | 200 | 200 | 200 | 400 | 403, 403 | 200 hidden matrix | 200 hidden matrix",
      "anonymous, access off | 401 | 401 | 401 | 401 | 401 | 401 | 401 | 403, 403 | 200 - | 404",
      "no privilege | 403 | 403 | 403 | 403 | 403 | 403 | 403 | 403, 403 | 200 - | 404",
      "read | 200 | 200 | 200 | 200 | 200 | 200 | 400 | 404, 404 | 200 hidden matrix | 200 hidden matrix",
      "read, add | 200 | 200 | 200 | 200 | 200 | 200 | 400 | 404, 404 | 200 hidden matrix | 200 hidden matrix",
      "read, add, edit | 200 | 200 | 200 | 200 | 200 | 200 | 400 | 404, 404 | 200 hidden matrix | 200 hidden matrix",
      "team selector | 200 | 403 | 403 | 200 | 200 | 200 | 403 | 404, 404 | 200 matrix | 200 matrix",
      "admin | 200 | 200 | 200 | 200 | 200 | 200 | 400 | 404, 404 | 200 hidden matrix | 200 hidden matrix");

  private static final String YANK_PATH = "service/rest/v1/pypi/%s/projects/%s/releases/%s/yank";

  private static final String MATRIX_FILE = "matrix-1.0-py3-none-any.whl";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final FakeIndex UPSTREAM = FakeIndex.start();

  private static Nexus nexus;

  @TempDir
  static Path files;

  /** The repository under test. */
  private String repository;

  private Path matrixWheel;

  /** What only a reader of each project may see: its name, and its files' hashes. */
  private final Map<String, List<String>> secrets = new LinkedHashMap<>();

  /** One column: its title, and what a role's request gave ({@link Caller#status} and the listings' summaries). */
  private record Action(String title, Function<Caller, String> run)
  {
  }

  /** A role's client, and every body it was answered with, to search for what it may not read. */
  private record Caller(String role, NexusHttp http, List<String> bodies)
  {
    String status(final HttpResponse<String> response) {
      bodies.add(response.body());
      return String.valueOf(response.statusCode());
    }
  }

  @AfterAll
  static void stopUpstream() {
    UPSTREAM.close();
  }

  @Test
  void hostedRepository() throws IOException {
    repository = nexus.uniqueName("pypi-matrix");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repository, "allow"));
    publishBothProjectsTo(repository);
    uploadAsAdmin(repository, WheelBuilder.of("matrix", "1.1").writeTo(files.resolve(repository + "-1.1")));
    awaitSearch();

    assertEquals(HOSTED, table(List.of(page(), otherPage(), root(), file(), metadata(), warehouseJson(),
        new Action("upload", this::uploadNewFile),
        new Action("same again", caller -> upload(caller, matrixWheel)),
        new Action("replace", this::replace),
        yank(),
        new Action("REST delete", caller -> caller.status(caller.http().json("DELETE",
            "service/rest/v1/components/" + releaseForDeleting(), null))),
        search(), browse())));
  }

  @Test
  void proxyRepository() throws IOException {
    repository = nexus.uniqueName("pypi-matrix-proxy");
    nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", repository, UPSTREAM.uri().toString()));
    matrixWheel = WheelBuilder.of("matrix", "1.0").writeTo(files.resolve(repository));
    Path hiddenWheel = WheelBuilder.of("hidden", "1.0").writeTo(files.resolve(repository));
    WheelBuilder deleted = WheelBuilder.of("matrix", "3.0");
    UPSTREAM.project("matrix").file(MATRIX_FILE, Files.readAllBytes(matrixWheel));
    UPSTREAM.project("matrix").file(deleted.fileName(), deleted.toBytes());
    UPSTREAM.project("hidden").file(hiddenWheel.getFileName().toString(), Files.readAllBytes(hiddenWheel));
    secretsOf(hiddenWheel);
    // Cached, so that search, browse and delete have components.
    for (String path : List.of("packages/matrix/1.0/" + MATRIX_FILE, "packages/matrix/3.0/" + deleted.fileName(),
        "packages/hidden/1.0/" + hiddenWheel.getFileName())) {
      NexusHttp.expect(nexus.http().get(repo("simple/" + path.split("/")[1] + "/")), 200);
      NexusHttp.expect(nexus.http().get(repo(path)), 200);
    }
    awaitSearch();
    String deletedId = componentId("3.0");

    assertEquals(PROXY, table(List.of(page(), otherPage(), root(), file(), metadata(),
        new Action("upload", this::uploadNewFile),
        yank(),
        new Action("REST delete", caller -> caller.status(caller.http().json("DELETE",
            "service/rest/v1/components/" + deletedId, null))),
        search(), browse())));
  }

  @Test
  void groupRepository() throws IOException {
    String hosted = nexus.uniqueName("pypi-matrix-member");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", hosted, "allow_once"));
    publishBothProjectsTo(hosted);
    repository = nexus.uniqueName("pypi-matrix-group");
    nexus.admin().createRepository(RepositoryDefinition.group("pypi", repository, List.of(hosted)));
    awaitSearch();

    assertEquals(GROUP, table(List.of(page(), otherPage(), root(), file(), metadata(), warehouseJson(),
        new Action("upload", this::uploadNewFile),
        yank(), search(), browse())));
  }

  /** Every role's row, under the actions' titles. */
  private String table(final List<Action> actions) {
    List<String> table = new ArrayList<>();
    table.add("role | " + actions.stream().map(Action::title).collect(Collectors.joining(" | ")));
    Set<String> both = Set.of("matrix", "hidden");
    table.add(row("anonymous", nexus.anonymous(), both, actions));
    nexus.admin().setAnonymousAccess(false);
    try {
      table.add(row("anonymous, access off", nexus.anonymous(), Set.of(), actions));
    }
    finally {
      nexus.admin().setAnonymousAccess(true);
    }
    String elsewhere = nexus.uniqueName("pypi-matrix-elsewhere");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", elsewhere, "allow_once"));
    table.add(row("no privilege", user(RepositoryUser.create(nexus.admin(), nexus.uniqueName("matrix-nobody"), "pypi",
        elsewhere, "read", "browse", "add", "edit", "delete")), Set.of(), actions));
    table.add(row("read", viewUser("read", "browse"), both, actions));
    table.add(row("read, add", viewUser("read", "browse", "add"), both, actions));
    table.add(row("read, add, edit", viewUser("read", "browse", "add", "edit"), both, actions));
    table.add(row("team selector", user(RepositoryUser.createWithContentSelector(nexus.admin(),
        nexus.uniqueName("matrix-team"), "pypi", repository, TEAM_EXPRESSION, "READ", "BROWSE", "ADD", "EDIT")),
        Set.of("matrix"), actions));
    table.add(row("admin", nexus.http(), both, actions));
    return String.join("\n", table);
  }

  /** One role's answers; each answer's body searched for what the role may not read. */
  private String row(final String role, final NexusHttp http, final Set<String> readable,
                     final List<Action> actions)
  {
    Caller caller = new Caller(role, http, new ArrayList<>());
    List<String> cells = new ArrayList<>(List.of(role));
    actions.forEach(action -> cells.add(action.run().apply(caller)));
    secrets.forEach((project, marks) -> {
      if (!readable.contains(project)) {
        caller.bodies().forEach(body -> marks.forEach(mark -> assertFalse(body.contains(mark),
            role + " may not read " + project + " but was shown " + mark + " in: " + body)));
      }
    });
    return String.join(" | ", cells);
  }

  private Action page() {
    return get("page", "simple/matrix/");
  }

  private Action otherPage() {
    return get("other page", "simple/hidden/");
  }

  private Action root() {
    return get("root", "simple/");
  }

  private Action file() {
    return get("file", "packages/matrix/1.0/" + MATRIX_FILE);
  }

  private Action metadata() {
    return get(".metadata", "packages/matrix/1.0/" + MATRIX_FILE + ".metadata");
  }

  private Action warehouseJson() {
    return get("JSON API", "pypi/matrix/json");
  }

  private Action get(final String title, final String route) {
    return new Action(title, caller -> caller.status(caller.http().get(repo(route))));
  }

  private Action yank() {
    String path = String.format(YANK_PATH, repository, "matrix", "1.0");
    return new Action("yank, unyank", caller -> caller.status(caller.http().json("PUT", path, "{\"reason\": \"x\"}"))
        + ", " + caller.status(caller.http().json("DELETE", path, null)));
  }

  /** The status of {@code GET /v1/search} on the repository, and the projects it names ({@code -} for none). */
  private Action search() {
    return new Action("search", this::searched);
  }

  private String searched(final Caller caller) {
    HttpResponse<String> response = caller.http().get("service/rest/v1/search?repository=" + repository);
    String status = caller.status(response);
    if (response.statusCode() != 200) {
      return status;
    }
    try {
      Set<String> names = new TreeSet<>();
      JSON.readTree(response.body()).get("items").forEach(item -> names.add(item.get("name").asText()));
      return "200 " + (names.isEmpty() ? "-" : String.join(" ", names));
    }
    catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The status of the HTML browse listing of {@code packages/}, and which of the projects it names. */
  private Action browse() {
    return new Action("browse", caller -> {
      HttpResponse<String> response = caller.http().get("service/rest/repository/browse/" + repository
          + "/packages/");
      String status = caller.status(response);
      if (response.statusCode() != 200) {
        return status;
      }
      String names = secrets.keySet().stream().filter(response.body()::contains).sorted()
          .collect(Collectors.joining(" "));
      return "200 " + (names.isEmpty() ? "-" : names);
    });
  }

  /** Each role's own new release. */
  private String uploadNewFile(final Caller caller) {
    String version = "2." + nexus.uniqueName("v").replaceAll("\\D", "");
    return upload(caller, WheelBuilder.of("matrix", version).writeTo(files.resolve(repository + "-" + version)));
  }

  /** Other bytes under the name of a file each role replaces in turn (write policy allow). */
  private String replace(final Caller caller) {
    Path dir = files.resolve(repository + "-replace-" + nexus.uniqueName("r"));
    return upload(caller, WheelBuilder.of("matrix", "1.1").file("matrix/by.py", "role = '" + caller.role() + "'\n")
        .writeTo(dir));
  }

  private String upload(final Caller caller, final Path wheel) {
    UploadResponse response = LegacyUploadClient.to(caller.http(), repository).upload(LegacyUpload.of(wheel));
    caller.bodies().add(response.describe());
    return String.valueOf(response.status());
  }

  /** A release the administrator uploads for one role to delete through {@code DELETE /v1/components/<id>}. */
  private String releaseForDeleting() {
    String version = "3." + nexus.uniqueName("v").replaceAll("\\D", "");
    uploadAsAdmin(repository, WheelBuilder.of("matrix", version).writeTo(files.resolve(repository + "-" + version)));
    return componentId(version);
  }

  private String componentId(final String version) {
    return nexus.admin().components(repository).stream()
        .filter(component -> version.equals(component.get("version").asText()))
        .map(component -> component.get("id").asText())
        .findFirst().orElseThrow();
  }

  private void publishBothProjectsTo(final String hosted) throws IOException {
    matrixWheel = WheelBuilder.of("matrix", "1.0").writeTo(files.resolve(hosted + "-matrix"));
    Path hiddenWheel = WheelBuilder.of("hidden", "1.0").writeTo(files.resolve(hosted + "-hidden"));
    uploadAsAdmin(hosted, matrixWheel);
    uploadAsAdmin(hosted, hiddenWheel);
    secretsOf(hiddenWheel);
  }

  private void secretsOf(final Path hiddenWheel) throws IOException {
    secrets.put("matrix", List.of(sha256(matrixWheel)));
    secrets.put("hidden", List.of("hidden", sha256(hiddenWheel)));
  }

  /** Search indexes shortly after a write. */
  private void awaitSearch() {
    Caller admin = new Caller("admin", nexus.http(), new ArrayList<>());
    Eventually.poll(() -> searched(admin), names -> names.equals("200 hidden matrix"));
  }

  private NexusHttp viewUser(final String... actions) {
    return user(RepositoryUser.create(nexus.admin(), nexus.uniqueName("matrix-" + String.join("-", actions)), "pypi",
        repository, actions));
  }

  private static NexusHttp user(final RepositoryUser user) {
    return nexus.as(user.name(), user.password());
  }

  private static void uploadAsAdmin(final String hosted, final Path wheel) {
    UploadResponse uploaded = LegacyUploadClient.to(nexus.http(), hosted).upload(LegacyUpload.of(wheel));
    assertEquals(200, uploaded.status(), uploaded::describe);
  }

  private String repo(final String route) {
    return "repository/" + repository + "/" + route;
  }

  private static String sha256(final Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
    catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
