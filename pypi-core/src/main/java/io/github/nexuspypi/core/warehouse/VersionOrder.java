package io.github.nexuspypi.core.warehouse;

import java.util.Comparator;

import io.github.nexuspypi.core.version.InvalidVersionException;
import io.github.nexuspypi.core.version.Version;

/**
 * PEP 440 order over version strings as uploaded. Old releases may carry strings that are no PEP 440 version; like
 * the legacy versions of pypa/packaging, they sort below every real one, among themselves by their text.
 */
final class VersionOrder
{
  static final Comparator<String> ASCENDING = Comparator
      .comparing(VersionOrder::parseOrNull, Comparator.nullsFirst(Comparator.<Version>naturalOrder()))
      .thenComparing(Comparator.naturalOrder());

  private VersionOrder() {
  }

  static Version parseOrNull(final String version) {
    try {
      return Version.parse(version);
    }
    catch (InvalidVersionException e) {
      return null;
    }
  }
}
