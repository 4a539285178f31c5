package io.github.nexuspypi.repository.pypi.internal.store;

import java.util.Map;

/**
 * The one condition the plugin adds to Nexus's queries: the assets under a folder (a release's, as a filter that
 * Nexus's asset browse appends as {@code AND (<filter>)}; a project's, in {@link PypiAssetDAO#browseAssetsUnder},
 * which is that browse with this filter). A prefix {@code LIKE} that H2 and PostgreSQL both answer from the index
 * on {@code path}, with the prefix's own {@code LIKE} wildcards escaped by the backslash, both databases' default
 * escape character.
 */
public final class AssetPathPrefix
{
  /** The filter text, in MyBatis's syntax, for {@code assets().byFilter(FILTER, parameters(prefix))}. */
  public static final String FILTER = "path LIKE #{filterParams.prefix}";

  private AssetPathPrefix() {
  }

  /** The filter's parameters for the assets whose path starts with {@code prefix}. */
  public static Map<String, Object> parameters(final String prefix) {
    return Map.of("prefix", pattern(prefix));
  }

  /** {@code prefix} as a {@code LIKE} pattern: its own {@code %}, {@code _} and {@code \} escaped, then {@code %}. */
  public static String pattern(final String prefix) {
    StringBuilder pattern = new StringBuilder(prefix.length() + 1);
    for (int i = 0; i < prefix.length(); i++) {
      char c = prefix.charAt(i);
      if (c == '%' || c == '_' || c == '\\') {
        pattern.append('\\');
      }
      pattern.append(c);
    }
    return pattern.append('%').toString();
  }
}
