package io.github.nexuspypi.repository.pypi.internal;

import java.util.HashSet;
import java.util.Set;

import javax.inject.Named;

import org.sonatype.nexus.repository.content.Asset;
import org.sonatype.nexus.repository.content.fluent.FluentAsset;
import org.sonatype.nexus.repository.content.maintenance.LastAssetMaintenanceFacet;

/**
 * Deleting a distribution file takes its {@code .metadata} with it, and the release goes with its last file, so
 * that no page ever offers metadata of a file that is gone.
 */
@Named
public class PypiMaintenanceFacet
    extends LastAssetMaintenanceFacet
{
  @Override
  public Set<String> deleteAsset(final Asset asset) {
    if (PypiPaths.isMetadata(asset.path())) {
      return super.deleteAsset(asset);
    }
    Set<String> deleted = new HashSet<>();
    contentFacet().assets().path(PypiPaths.metadataOf(asset.path())).find()
        .map(FluentAsset.class::cast)
        .ifPresent(metadata -> deleted.addAll(super.deleteAsset(metadata)));
    deleted.addAll(super.deleteAsset(asset));
    return deleted;
  }
}
