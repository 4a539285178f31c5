package io.github.nexuspypi.it.nexus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.Consumer;

/**
 * A repository as the REST API creates it: {@code POST /service/rest/v1/repositories/<format>/<type>} with
 * {@link #json()}. The factories write the generic shapes every format accepts (Sonatype's PyPI ones included).
 */
public record RepositoryDefinition(String format, String type, String name, String json)
{
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final int ONE_DAY_IN_MINUTES = 1440;

  /** Nexus's {@code default}, or the run's S3 blob store (see {@link RunBlobStore}). */
  public static final String DEFAULT_BLOB_STORE = RunBlobStore.fromSystemProperty().blobStoreName();

  /** {@code writePolicy}: {@code allow}, {@code allow_once} (no redeploy) or {@code deny}. */
  public static RepositoryDefinition hosted(final String format, final String name, final String writePolicy) {
    return hosted(format, name, writePolicy, DEFAULT_BLOB_STORE);
  }

  /** A hosted repository keeping its files in a blob store of its own, e.g. to count what it stores. */
  public static RepositoryDefinition hosted(final String format, final String name, final String writePolicy,
                                            final String blobStore)
  {
    ObjectNode root = common(name);
    storage(root).put("writePolicy", writePolicy).put("blobStoreName", blobStore);
    return new RepositoryDefinition(format, "hosted", name, root.toString());
  }

  public static RepositoryDefinition proxy(final String format, final String name, final String remoteUrl) {
    ObjectNode root = common(name);
    root.putObject("proxy")
        .put("remoteUrl", remoteUrl)
        .put("contentMaxAge", ONE_DAY_IN_MINUTES)
        .put("metadataMaxAge", ONE_DAY_IN_MINUTES);
    root.putObject("negativeCache").put("enabled", true).put("timeToLive", ONE_DAY_IN_MINUTES);
    root.putObject("httpClient").put("blocked", false).put("autoBlock", true);
    return new RepositoryDefinition(format, "proxy", name, root.toString());
  }

  public static RepositoryDefinition group(final String format, final String name, final List<String> members) {
    ObjectNode root = common(name);
    members.forEach(root.putObject("group").putArray("memberNames")::add);
    return new RepositoryDefinition(format, "group", name, root.toString());
  }

  /** The same repository with its content in another blob store than {@link #DEFAULT_BLOB_STORE}. */
  public RepositoryDefinition inBlobStore(final String blobStore) {
    return with(root -> storage(root).put("blobStoreName", blobStore));
  }

  /**
   * The same repository with settings the factories leave at their defaults, e.g. a proxy's
   * {@code httpClient.connection.timeout}: {@code change} edits a copy of the JSON in place.
   */
  public RepositoryDefinition with(final Consumer<ObjectNode> change) {
    ObjectNode root = tree();
    change.accept(root);
    return new RepositoryDefinition(format, type, name, root.toString());
  }

  /** The blob store the repository keeps its content in. */
  public String blobStore() {
    return storage(tree()).path("blobStoreName").asText();
  }

  /** A copy of {@link #json()} to read or edit. */
  private ObjectNode tree() {
    try {
      return (ObjectNode) JSON.readTree(json);
    }
    catch (JsonProcessingException e) {
      throw new IllegalStateException("The definition of " + name + " is not JSON: " + json, e);
    }
  }

  private static ObjectNode common(final String name) {
    ObjectNode root = JSON.createObjectNode().put("name", name).put("online", true);
    root.putObject("storage").put("blobStoreName", DEFAULT_BLOB_STORE).put("strictContentTypeValidation", true);
    return root;
  }

  private static ObjectNode storage(final ObjectNode root) {
    return (ObjectNode) root.get("storage");
  }
}
