package io.github.nexuspypi.it.clients;

import io.github.nexuspypi.it.junit.Nexus;

import java.util.List;

/**
 * What a repository holds, as Nexus's REST API lists it: each asset's path, sha256 and when its blob was written,
 * sorted. Equal lists mean nothing was added, replaced or rewritten in between.
 */
final class StoredAssets
{
  private StoredAssets() {
  }

  static List<String> of(final Nexus nexus, final String repository) {
    return nexus.admin().assets(repository).stream()
        .map(asset -> asset.get("path").asText() + " " + asset.get("checksum").get("sha256").asText() + " "
            + asset.get("blobCreated").asText())
        .sorted().toList();
  }
}
