package io.github.nexuspypi.it.dists;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Changes to the entries a builder generates: files added or replaced, and generated files left out. Kept apart from
 * the generated entries so that a broken archive (no METADATA, a path outside its folder) is one call away.
 */
final class ArchiveEdits
{
  private final Map<String, byte[]> edits = new LinkedHashMap<>();

  void put(final String path, final byte[] content) {
    edits.put(path, content.clone());
  }

  void omit(final String path) {
    edits.put(path, null);
  }

  /** The generated entries with the edits applied, in the order generated, new entries last. */
  Map<String, byte[]> applyTo(final Map<String, byte[]> generated) {
    Map<String, byte[]> entries = new LinkedHashMap<>(generated);
    edits.forEach((path, content) -> {
      if (content == null) {
        entries.remove(path);
      }
      else {
        entries.put(path, content);
      }
    });
    return entries;
  }

  /** Whether a generated entry stays as generated, so that the builder may compute it from the others. */
  boolean untouched(final String path) {
    return !edits.containsKey(path);
  }
}
