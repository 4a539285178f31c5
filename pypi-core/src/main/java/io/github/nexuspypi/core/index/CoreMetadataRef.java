package io.github.nexuspypi.core.index;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * PEP 658 / 714: the index serves this file's core metadata at the file URL + {@code .metadata}. The hashes are those
 * of the {@code .metadata} file, not of the distribution; empty means "available, digest unknown" ({@code true} on the
 * wire). A file without published metadata has no {@code CoreMetadataRef} at all ({@code null}).
 */
public record CoreMetadataRef(Map<String, String> hashes)
{
  public static final CoreMetadataRef WITHOUT_HASH = new CoreMetadataRef(Map.of());

  public CoreMetadataRef {
    hashes = hashes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(hashes));
  }

  public static CoreMetadataRef sha256(final String hex) {
    return new CoreMetadataRef(Map.of("sha256", hex));
  }

  /**
   * Reads the HTML attribute form ({@code true}, {@code false} or {@code <hashname>=<hex>}); {@code null} for "no
   * metadata". Any other value still announces the file, as pip reads it: the attribute's presence is the promise.
   */
  public static CoreMetadataRef fromAttribute(final String value) {
    String trimmed = value == null ? "" : value.trim();
    if (trimmed.equalsIgnoreCase("false")) {
      return null;
    }
    int equals = trimmed.indexOf('=');
    if (equals <= 0 || equals == trimmed.length() - 1) {
      return WITHOUT_HASH;
    }
    String name = trimmed.substring(0, equals).toLowerCase(Locale.ROOT);
    return new CoreMetadataRef(Map.of(name, trimmed.substring(equals + 1).toLowerCase(Locale.ROOT)));
  }

  /** The HTML attribute form; it holds a single digest, so the preferred one is kept. */
  public String toAttribute() {
    Map.Entry<String, String> preferred = HashPreference.preferred(hashes);
    return preferred == null ? "true" : preferred.getKey() + "=" + preferred.getValue();
  }
}
