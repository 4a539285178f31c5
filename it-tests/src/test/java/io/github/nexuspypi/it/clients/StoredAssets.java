package io.github.nexuspypi.it.clients;

import io.github.nexuspypi.it.junit.Nexus;

import java.util.ArrayList;
import java.util.List;

/** What a repository holds as Nexus's REST API lists it: each asset's path and sha256, sorted. */
final class StoredAssets
{
  private StoredAssets() {
  }

  static List<String> of(final Nexus nexus, final String repository) {
    List<String> assets = new ArrayList<>();
    nexus.admin().components(repository).forEach(component -> component.get("assets").forEach(asset ->
        assets.add(asset.get("path").asText() + " " + asset.get("checksum").get("sha256").asText())));
    return assets.stream().sorted().toList();
  }
}
