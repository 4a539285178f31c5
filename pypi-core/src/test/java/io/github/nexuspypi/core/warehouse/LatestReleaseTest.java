package io.github.nexuspypi.core.warehouse;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.nexuspypi.core.index.Yank;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LatestReleaseTest
{
  // Warehouse's order: not yanked first, then final before pre-release, then the highest PEP 440 version.
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1.0 2.0 1.10                 |             | 2.0",
      "1.9 1.10                     |             | 1.10",
      "1.0 2.0b1                    |             | 1.0",
      "1.0 2.0.dev1                 |             | 1.0",
      "1.0 2.0rc1 2.0               | 2.0         | 1.0",
      "1.0 2.0                      | 1.0 2.0     | 2.0",
      "1.0a1 1.0b2                  |             | 1.0b2",
      "1.0b1 0.9                    | 0.9         | 1.0b1",
      "1.0.post1 1.0                |             | 1.0.post1",
      "1!0.1 2.0                    |             | 1!0.1",
      "1.0 1.0+local                |             | 1.0+local",
      "2013-01-01 1.0               |             | 1.0",
      "2013-01-01                   |             | 2013-01-01"
  })
  void selectsAsWarehouse(final String versions, final String yanked, final String expected) {
    Set<String> yankedVersions = yanked == null ? Set.of() : Set.of(yanked.split(" "));
    assertEquals(Optional.of(expected), LatestRelease.select(List.of(versions.split(" ")), yankedVersions::contains));
  }

  @Test
  void hasNoLatestWithoutReleases() {
    assertEquals(Optional.empty(), LatestRelease.select(List.of(), version -> false));
    assertEquals(Optional.empty(), LatestRelease.select(List.<WarehouseRelease>of()));
  }

  @Test
  void selectsAmongReleases() {
    WarehouseRelease old = new WarehouseRelease("1.0", null, List.of());
    WarehouseRelease yanked = new WarehouseRelease("2.0", new Yank("broken"), List.of());
    WarehouseRelease beta = new WarehouseRelease("3.0b1", null, List.of());

    assertEquals(Optional.of(old), LatestRelease.select(List.of(beta, yanked, old)));
  }

  @Test
  void ordersVersionsAsPep440() {
    List<String> versions = new java.util.ArrayList<>(List.of("1.0", "1.0.post1", "legacy", "1.0rc1", "0.9",
        "1.0.dev0", "1!0.1"));
    versions.sort(VersionOrder.ASCENDING);
    assertEquals(List.of("legacy", "0.9", "1.0.dev0", "1.0rc1", "1.0", "1.0.post1", "1!0.1"), versions);
  }
}
