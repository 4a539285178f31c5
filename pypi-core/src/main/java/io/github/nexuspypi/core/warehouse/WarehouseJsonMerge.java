package io.github.nexuspypi.core.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Merges Warehouse JSON API documents of one project from several indexes, in order, as a group serves them: each
 * file name once, the first index's file kept; the project document's {@code info} and {@code urls} then describe
 * the merged releases' latest (by {@link LatestRelease}), taken from an index that has it.
 */
public final class WarehouseJsonMerge
{
  private static final ObjectMapper JSON = new ObjectMapper();

  private WarehouseJsonMerge() {
  }

  public static ObjectNode read(final InputStream in) throws IOException {
    JsonNode document = JSON.readTree(in);
    if (!(document instanceof ObjectNode)) {
      throw new IOException("A Warehouse JSON document is an object, found " + document.getNodeType());
    }
    return (ObjectNode) document;
  }

  public static byte[] write(final ObjectNode document) throws IOException {
    return JSON.writeValueAsBytes(document);
  }

  /** {@code /pypi/<project>/json} documents, in index order; at least one. */
  public static ObjectNode project(final List<ObjectNode> documents) {
    Map<String, ArrayNode> releases = new LinkedHashMap<>();
    Set<String> filenames = new HashSet<>();
    long lastSerial = 0;
    for (ObjectNode document : documents) {
      lastSerial = Math.max(lastSerial, document.path("last_serial").asLong(0));
      document.path("releases").fields().forEachRemaining(release -> {
        ArrayNode files = releases.computeIfAbsent(release.getKey(), version -> JSON.createArrayNode());
        release.getValue().forEach(file -> addOnce(files, file, filenames));
      });
    }
    Optional<String> latest = LatestRelease.select(releases.keySet(), version -> isYanked(releases.get(version)));
    ObjectNode describing = latest.flatMap(version -> documents.stream()
        .filter(document -> version.equals(document.path("info").path("version").asText(null)))
        .findFirst()).orElse(documents.get(0));
    ObjectNode merged = describing.deepCopy();
    merged.put("last_serial", lastSerial);
    ObjectNode releasesNode = JSON.createObjectNode();
    releases.forEach(releasesNode::set);
    merged.set("releases", releasesNode);
    merged.set("urls", latest.map(releases::get).orElse(JSON.createArrayNode()));
    return merged;
  }

  /** {@code /pypi/<project>/<version>/json} documents of one release, in index order; at least one. */
  public static ObjectNode release(final List<ObjectNode> documents) {
    ObjectNode merged = documents.get(0).deepCopy();
    ArrayNode urls = JSON.createArrayNode();
    Set<String> filenames = new HashSet<>();
    documents.forEach(document -> document.path("urls").forEach(file -> addOnce(urls, file, filenames)));
    merged.set("urls", urls);
    return merged;
  }

  private static void addOnce(final ArrayNode files, final JsonNode file, final Set<String> filenames) {
    if (filenames.add(file.path("filename").asText())) {
      files.add(file.deepCopy());
    }
  }

  /** Warehouse yanks releases, so a release's files are all yanked or none; one without files is not. */
  private static boolean isYanked(final ArrayNode files) {
    List<JsonNode> all = new ArrayList<>();
    files.forEach(all::add);
    return !all.isEmpty() && all.stream().allMatch(file -> file.path("yanked").asBoolean(false));
  }
}
