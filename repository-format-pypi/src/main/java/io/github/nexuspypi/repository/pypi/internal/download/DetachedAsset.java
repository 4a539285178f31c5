package io.github.nexuspypi.repository.pypi.internal.download;

import org.sonatype.nexus.repository.content.Asset;
import org.sonatype.nexus.repository.content.store.AssetData;
import org.sonatype.nexus.repository.content.store.InternalIds;

/**
 * A plain copy of an asset read from the database, for an asset that many requests share. What the database hands
 * out is a MyBatis lazy-loading proxy, and every call on it takes that object's lock: concurrent downloads of one
 * file holding the same proxy queue on it whenever its holder is descheduled, which showed in the tail latency. The
 * copy keeps the internal ids (so marking it downloaded and the event that follows name the same asset), its
 * release, blob, attributes and dates.
 */
public final class DetachedAsset
{
  private DetachedAsset() {
  }

  public static AssetData of(final Asset asset) {
    AssetData copy = new AssetData();
    copy.setRepositoryId(InternalIds.contentRepositoryId(asset));
    copy.setAssetId(InternalIds.internalAssetId(asset));
    copy.setPath(asset.path());
    copy.setKind(asset.kind());
    copy.setComponent(asset.component().orElse(null));
    copy.setAssetBlob(asset.blob().orElse(null));
    copy.setBlobStoreName(asset.blobStoreName());
    copy.setAssetBlobSize(asset.assetBlobSize());
    copy.setLastDownloaded(asset.lastDownloaded().orElse(null));
    copy.setAttributes(asset.attributes());
    copy.setCreated(asset.created());
    copy.setLastUpdated(asset.lastUpdated());
    return copy;
  }
}
