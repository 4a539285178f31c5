package io.github.nexuspypi.core.warehouse;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.nexuspypi.core.version.Version;

/**
 * The release that Warehouse describes at {@code /pypi/<project>/json}: a release that is not yanked before one that
 * is, then a final release before a pre-release (development releases count as pre-releases), then the highest
 * version. So a project whose only releases are pre-releases still has a latest one.
 */
public final class LatestRelease
{
  private LatestRelease() {
  }

  /** The latest of {@code versions}, where {@code yanked} tells which are yanked; empty when there are none. */
  public static Optional<String> select(final Collection<String> versions, final Predicate<String> yanked) {
    return versions.stream().max(rank(Function.identity(), yanked));
  }

  public static Optional<WarehouseRelease> select(final Collection<WarehouseRelease> releases) {
    return releases.stream().max(rank(WarehouseRelease::version, WarehouseRelease::isYanked));
  }

  private static <T> Comparator<T> rank(final Function<T, String> version, final Predicate<T> yanked) {
    return Comparator.comparing((T release) -> !yanked.test(release))
        .thenComparing(release -> !isPrerelease(version.apply(release)))
        .thenComparing(version, VersionOrder.ASCENDING);
  }

  private static boolean isPrerelease(final String version) {
    Version parsed = VersionOrder.parseOrNull(version);
    return parsed != null && parsed.isPrerelease();
  }
}
