package io.github.nexuspypi.core.index;

import java.util.List;
import java.util.Map;

/**
 * Which one of several digests to publish where a page has room for only one (the HTML {@code #name=hex} fragment and
 * the {@code data-core-metadata} value): sha256 as PEP 503 recommends, else the strongest other one that pip accepts.
 * Digests pip does not know are never chosen: pip would ignore them and then install without any check.
 */
final class HashPreference
{
  private static final List<String> ORDER = List.of("sha256", "sha512", "sha384", "sha224", "sha1", "md5");

  private HashPreference() {
  }

  /** The preferred digest among {@code hashes} (hash name to hex), or {@code null} when none is usable. */
  public static Map.Entry<String, String> preferred(final Map<String, String> hashes) {
    for (String name : ORDER) {
      String hex = hashes.get(name);
      if (hex != null) {
        return Map.entry(name, hex);
      }
    }
    return null;
  }
}
