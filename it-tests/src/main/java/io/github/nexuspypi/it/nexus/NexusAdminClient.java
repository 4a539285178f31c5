package io.github.nexuspypi.it.nexus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Nexus's REST API ({@code /service/rest/v1}) as an administrator uses it: repositories, users, roles, anonymous
 * access and components. Every unexpected answer becomes a {@link NexusApiException} quoting Nexus's body.
 */
public final class NexusAdminClient
{
  private static final String API = "service/rest/v1/";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final NexusHttp http;

  /** {@code http} carries the administrator's credentials. */
  public NexusAdminClient(final NexusHttp http) {
    this.http = http;
  }

  public NexusHttp http() {
    return http;
  }

  /** Whether Nexus is up and accepts writes: the readiness check of its own documentation. */
  public boolean isWritable() {
    return http.get(API + "status/writable").statusCode() == 200;
  }

  public void createRepository(final String format, final String type, final String json) {
    NexusHttp.expect(http.json("POST", API + "repositories/" + format + "/" + type, json), 201);
  }

  public void createRepository(final RepositoryDefinition repository) {
    createRepository(repository.format(), repository.type(), repository.json());
  }

  /** The repository's summary ({@code name}, {@code format}, {@code type}, {@code url}), or null if there is none. */
  public JsonNode repository(final String name) {
    HttpResponse<String> response = http.json("GET", API + "repositories/" + encode(name), null);
    return response.statusCode() == 404 ? null : parse(NexusHttp.expect(response, 200));
  }

  /** A repository's settings as its format's endpoint shows them ({@code repositories/<format>/<type>/<name>}). */
  public JsonNode repositorySettings(final String format, final String type, final String name) {
    return parse(NexusHttp.expect(http.json("GET", API + "repositories/" + format + "/" + type + "/" + encode(name),
        null), 200));
  }

  /** The repository as {@code GET /repositories/<format>/<type>/<name>} reads it: the shape it was created with. */
  public JsonNode repositoryDefinition(final String format, final String type, final String name) {
    return parse(NexusHttp.expect(http.json("GET", API + "repositories/" + format + "/" + type + "/" + encode(name),
        null), 200));
  }

  /** Replaces the repository's whole definition with this one (the REST API takes no partial updates). */
  public void updateRepository(final RepositoryDefinition repository) {
    NexusHttp.expect(http.json("PUT", API + "repositories/" + repository.format() + "/" + repository.type() + "/"
        + encode(repository.name()), repository.json()), 204);
  }

  /** A proxy's or group's "Invalidate cache": everything it cached is due for a refresh at the next request. */
  public void invalidateCache(final String name) {
    NexusHttp.expect(http.json("POST", API + "repositories/" + encode(name) + "/invalidate-cache", null), 204);
  }

  public List<String> repositoryNames() {
    List<String> names = new ArrayList<>();
    parse(NexusHttp.expect(http.json("GET", API + "repositories", null), 200))
        .forEach(repository -> names.add(repository.get("name").asText()));
    return names;
  }

  public void deleteRepository(final String name) {
    NexusHttp.expect(http.json("DELETE", API + "repositories/" + encode(name), null), 204);
  }

  /** A file blob store in {@code <data dir>/blobs/<name>}. */
  public void createFileBlobStore(final String name) {
    ObjectNode blobStore = JSON.createObjectNode().put("name", name).put("path", name);
    NexusHttp.expect(http.json("POST", API + "blobstores/file", blobStore.toString()), 204);
  }

  /**
   * An S3 blob store keeping its blobs in the bucket {@code name} (which Nexus creates) of {@code server}, reached by
   * path-style requests. Expiration 0 makes Nexus delete a blob's objects at once instead of tagging them for a
   * bucket lifecycle rule, which only AWS applies.
   */
  public void createS3BlobStore(final String name, final S3Server server) {
    createS3BlobStore(name, server.endpoint());
  }

  /** As {@link #createS3BlobStore(String, S3Server)}, for an S3 server at {@code endpoint} with its credentials. */
  public void createS3BlobStore(final String name, final URI endpoint) {
    ObjectNode blobStore = JSON.createObjectNode().put("name", name);
    ObjectNode bucketConfiguration = blobStore.putObject("bucketConfiguration");
    bucketConfiguration.putObject("bucket")
        .put("region", S3Server.REGION).put("name", name).put("prefix", "").put("expiration", 0);
    bucketConfiguration.putObject("bucketSecurity")
        .put("accessKeyId", S3Server.ACCESS_KEY).put("secretAccessKey", S3Server.SECRET_KEY);
    bucketConfiguration.putObject("advancedBucketConnection")
        .put("endpoint", endpoint.toString()).put("forcePathStyle", true);
    NexusHttp.expect(http.json("POST", API + "blobstores/s3", blobStore.toString()), 201);
  }

  public void deleteBlobStore(final String name) {
    NexusHttp.expect(http.json("DELETE", API + "blobstores/" + encode(name), null), 204);
  }

  /** Nexus's own heap gauges ({@code /service/metrics/data}, which needs {@code nx-metrics-all}). */
  public HeapUsage heap() {
    JsonNode gauges = parse(NexusHttp.expect(http.json("GET", "service/metrics/data", null), 200)).path("gauges");
    return new HeapUsage(gauge(gauges, "jvm.memory.heap.used"), gauge(gauges, "jvm.memory.heap.committed"),
        gauge(gauges, "jvm.memory.heap.max"));
  }

  private static long gauge(final JsonNode gauges, final String name) {
    JsonNode value = gauges.path(name).path("value");
    if (!value.canConvertToLong()) {
      throw new IllegalStateException("Nexus's metrics have no gauge " + name + ": " + gauges.fieldNames());
    }
    return value.asLong();
  }

  /** An active user of the local realm; {@code roles} are role ids such as {@code nx-anonymous}. */
  public void createUser(final String userId, final String password, final List<String> roles) {
    ObjectNode user = JSON.createObjectNode()
        .put("userId", userId)
        .put("firstName", userId)
        .put("lastName", "Test")
        .put("emailAddress", userId + "@example.org")
        .put("password", password)
        .put("status", "active");
    roles.forEach(user.putArray("roles")::add);
    NexusHttp.expect(http.json("POST", API + "security/users", user.toString()), 200);
  }

  public void deleteUser(final String userId) {
    NexusHttp.expect(http.json("DELETE", API + "security/users/" + encode(userId), null), 204);
  }

  /** A role granting privileges such as {@code nx-repository-view-pypi-pypi-hosted-read} and other roles. */
  public void createRole(final String roleId, final List<String> privileges, final List<String> roles) {
    ObjectNode role = JSON.createObjectNode().put("id", roleId).put("name", roleId).put("description", roleId);
    privileges.forEach(role.putArray("privileges")::add);
    roles.forEach(role.putArray("roles")::add);
    NexusHttp.expect(http.json("POST", API + "security/roles", role.toString()), 200);
  }

  public void deleteRole(final String roleId) {
    NexusHttp.expect(http.json("DELETE", API + "security/roles/" + encode(roleId), null), 204);
  }

  /** A CSEL content selector, e.g. {@code format == "pypi" and path =~ "/packages/teama/.*"}. */
  public void createContentSelector(final String name, final String expression) {
    ObjectNode selector = JSON.createObjectNode().put("name", name).put("description", name)
        .put("expression", expression);
    NexusHttp.expect(http.json("POST", API + "security/content-selectors", selector.toString()), 204);
  }

  /**
   * A privilege of type {@code repository-content-selector}: {@code actions} (e.g. {@code READ}, {@code ADD}) on the
   * content of {@code repository} its selector matches.
   */
  public void createContentSelectorPrivilege(final String name, final String format, final String repository,
                                             final String selector, final List<String> actions)
  {
    ObjectNode privilege = JSON.createObjectNode().put("name", name).put("description", name)
        .put("format", format).put("repository", repository).put("contentSelector", selector);
    actions.forEach(privilege.putArray("actions")::add);
    NexusHttp.expect(http.json("POST", API + "security/privileges/repository-content-selector",
        privilege.toString()), 201);
  }

  /** Lets anonymous users read and browse, through the built-in {@code anonymous} user and its role. */
  public void setAnonymousAccess(final boolean enabled) {
    ObjectNode settings = JSON.createObjectNode()
        .put("enabled", enabled)
        .put("userId", "anonymous")
        .put("realmName", "NexusAuthorizingRealm");
    NexusHttp.expect(http.json("PUT", API + "security/anonymous", settings.toString()), 200);
  }

  /**
   * Components matching a search, all pages of it, e.g. {@code {"repository": "pypi-hosted", "name": "six"}}.
   * Search runs on Elasticsearch, which indexes shortly after a write: callers poll for fresh content.
   */
  public List<JsonNode> search(final Map<String, String> query) {
    return pages("search", query);
  }

  public List<JsonNode> components(final String repository) {
    return pages("components", Map.of("repository", repository));
  }

  public void deleteComponent(final String componentId) {
    NexusHttp.expect(http.json("DELETE", API + "components/" + encode(componentId), null), 204);
  }

  public List<JsonNode> assets(final String repository) {
    return pages("assets", Map.of("repository", repository));
  }

  /** The paths of every asset a repository holds, e.g. {@code /packages/six/1.16.0/six-1.16.0.tar.gz}. */
  public List<String> assetPaths(final String repository) {
    return assets(repository).stream().map(asset -> asset.get("path").asText()).toList();
  }

  public void deleteAsset(final String assetId) {
    NexusHttp.expect(http.json("DELETE", API + "assets/" + encode(assetId), null), 204);
  }

  /**
   * A cleanup policy for one format whose only criterion is an asset path regex, through the internal API the admin
   * UI uses: Nexus OSS has no public one. Components with any asset whose path matches are removed when it runs.
   */
  public void createCleanupPolicy(final String name, final String format, final String assetPathRegex) {
    ObjectNode policy = JSON.createObjectNode().put("name", name).put("format", format)
        .put("notes", "it-tests").put("criteriaAssetRegex", assetPathRegex);
    NexusHttp.expect(http.json("POST", "service/rest/internal/cleanup-policies", policy.toString()), 200);
  }

  public void deleteCleanupPolicy(final String name) {
    NexusHttp.expect(http.json("DELETE", "service/rest/internal/cleanup-policies/" + encode(name), null), 204);
  }

  /**
   * Creates a task of a type run only when asked, as the admin UI does (Nexus 3.71's REST cannot create tasks), with
   * its form's fields as text.
   */
  public void createManualTask(final String type, final String name, final Map<String, String> properties) {
    ObjectNode task = JSON.createObjectNode().put("enabled", true).put("name", name).put("typeId", type)
        .put("schedule", "manual").put("notificationCondition", "FAILURE");
    ObjectNode fields = task.putObject("properties");
    properties.forEach(fields::put);
    new ExtDirect(http).data("coreui_Task", "create", task);
  }

  /**
   * Runs the one scheduled task of a type (e.g. {@code repository.cleanup}) and waits until it has finished,
   * failing unless its result is {@code OK}.
   */
  public void runTask(final String type) {
    runTask(type, type, tasks -> tasks);
  }

  /** Runs the one task of a type that has that name, as {@link #runTask(String)} does. */
  public void runTask(final String type, final String name) {
    runTask(type, "'" + name + "'",
        tasks -> tasks.stream().filter(task -> name.equals(task.path("name").asText())).toList());
  }

  private void runTask(final String type, final String description, final UnaryOperator<List<JsonNode>> which) {
    JsonNode task = onlyTask(type, which);
    String before = task.path("lastRun").asText("");
    NexusHttp.expect(http.json("POST", API + "tasks/" + encode(task.get("id").asText()) + "/run", null), 204);
    JsonNode done = Eventually.poll(() -> onlyTask(type, which),
        now -> !now.path("lastRun").asText("").equals(before) && "WAITING".equals(now.path("currentState").asText()));
    if (!"OK".equals(done.path("lastRunResult").asText())) {
      throw new NexusApiException("task " + description + " ran", 200, done.toString());
    }
  }

  private JsonNode onlyTask(final String type, final UnaryOperator<List<JsonNode>> which) {
    List<JsonNode> tasks = which.apply(pages("tasks", Map.of("type", type)));
    if (tasks.size() != 1) {
      throw new NexusApiException("GET " + API + "tasks?type=" + type + " (not one task)", 200, tasks.toString());
    }
    return tasks.get(0);
  }

  /**
   * The blob count Nexus reports for a blob store: what its metrics writer last flushed to the database, which it
   * does every 2 s ({@code nexus.blobstore.metrics.flushInterval}), so it lags behind the blob store's files.
   */
  public long reportedBlobCount(final String blobStore) {
    for (JsonNode store : blobStores()) {
      if (store.get("name").asText().equals(blobStore)) {
        return store.get("blobCount").asLong();
      }
    }
    throw new NexusApiException("GET " + API + "blobstores (no blob store " + blobStore + ")", 200, "");
  }

  public List<String> blobStoreNames() {
    List<String> names = new ArrayList<>();
    blobStores().forEach(store -> names.add(store.get("name").asText()));
    return names;
  }

  private JsonNode blobStores() {
    return parse(NexusHttp.expect(http.json("GET", API + "blobstores", null), 200));
  }

  private List<JsonNode> pages(final String resource, final Map<String, String> query) {
    List<JsonNode> items = new ArrayList<>();
    Map<String, String> parameters = new LinkedHashMap<>(query);
    while (true) {
      JsonNode page = parse(NexusHttp.expect(http.json("GET", API + resource + "?" + queryString(parameters), null),
          200));
      page.get("items").forEach(items::add);
      JsonNode token = page.get("continuationToken");
      if (token == null || token.isNull()) {
        return items;
      }
      parameters.put("continuationToken", token.asText());
    }
  }

  private static String queryString(final Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(final String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static JsonNode parse(final HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    }
    catch (JsonProcessingException e) {
      throw new NexusApiException(response.request().method() + " " + response.request().uri()
          + " (body is not JSON)", response.statusCode(), response.body());
    }
  }
}
