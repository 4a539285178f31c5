package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The digests of an upstream page's file that the Warehouse JSON API shows, kept only when well-formed: an upstream
 * page's hash values are any strings, and tools compare what the API says with what they download.
 */
final class WarehouseDigests
{
  private static final Map<String, Pattern> SHOWN = Map.of(
      "md5", Pattern.compile("[0-9a-f]{32}"),
      "sha256", Pattern.compile("[0-9a-f]{64}"),
      "blake2b_256", Pattern.compile("[0-9a-f]{64}"));

  private WarehouseDigests() {
  }

  static Map<String, String> of(final Map<String, String> hashes) {
    Map<String, String> kept = new LinkedHashMap<>();
    hashes.forEach((name, value) -> {
      Pattern form = SHOWN.get(name);
      String hex = value == null ? null : value.toLowerCase(Locale.ROOT);
      if (form != null && hex != null && form.matcher(hex).matches()) {
        kept.put(name, hex);
      }
    });
    return kept;
  }
}
