package io.github.nexuspypi.core.warehouse;

import java.util.List;
import java.util.Objects;

import io.github.nexuspypi.core.index.Yank;

/**
 * One release of a project: a version with its files, which may be none (Warehouse lists such releases with an
 * empty file list).
 *
 * @param version the version as uploaded, which is also its key in the API's {@code releases}
 * @param yank    the release's yank, {@code null} when not yanked
 * @param files   its files, in the order to list them
 */
public record WarehouseRelease(String version, Yank yank, List<WarehouseFile> files)
{
  public WarehouseRelease {
    Objects.requireNonNull(version, "version");
    files = List.copyOf(files);
  }

  public boolean isYanked() {
    return yank != null;
  }
}
