package io.github.nexuspypi.it.nexus;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Changes to a proxy's REST definition ({@link RepositoryDefinition#with}) for the settings that
 * {@link RepositoryDefinition#proxy} leaves at Nexus's defaults; combine them with {@link Consumer#andThen}.
 */
public final class ProxySettings
{
  private ProxySettings() {
  }

  /**
   * Off: every request tries upstream, whatever the last one met. On (Nexus's default), a 5xx, 401 or unreachable
   * upstream blocks the remote host for a while, during which what is not cached is a 404.
   */
  public static Consumer<ObjectNode> autoBlock(final boolean enabled) {
    return root -> httpClient(root).put("autoBlock", enabled);
  }

  /** How long the proxy waits to connect to upstream and between two packets of its answer. */
  public static Consumer<ObjectNode> timeoutSeconds(final int seconds) {
    return root -> connection(root).put("timeout", seconds);
  }

  /** HTTP basic credentials the proxy gives upstream ("Authentication: Username" in the admin UI). */
  public static Consumer<ObjectNode> upstreamCredentials(final String username, final String password) {
    return root -> httpClient(root).putObject("authentication").put("type", "username").put("username", username)
        .put("password", password);
  }

  /** Minutes a cached page stays fresh before upstream is asked again. */
  public static Consumer<ObjectNode> metadataMaxAge(final int minutes) {
    return root -> ((ObjectNode) root.get("proxy")).put("metadataMaxAge", minutes);
  }

  /**
   * On (as every test repository starts): Nexus refuses to store a file whose bytes are not of the type its name
   * says. Off: it stores it all the same.
   */
  public static Consumer<ObjectNode> strictContentTypeValidation(final boolean strict) {
    return root -> ((ObjectNode) root.get("storage")).put("strictContentTypeValidation", strict);
  }

  public static Consumer<ObjectNode> online(final boolean online) {
    return root -> root.put("online", online);
  }

  private static ObjectNode httpClient(final ObjectNode root) {
    return root.has("httpClient") ? (ObjectNode) root.get("httpClient") : root.putObject("httpClient");
  }

  private static ObjectNode connection(final ObjectNode root) {
    ObjectNode httpClient = httpClient(root);
    return httpClient.has("connection") ? (ObjectNode) httpClient.get("connection")
        : httpClient.putObject("connection");
  }
}
