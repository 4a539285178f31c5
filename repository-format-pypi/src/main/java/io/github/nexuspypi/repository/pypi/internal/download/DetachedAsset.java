package io.github.nexuspypi.repository.pypi.internal.download;

import java.util.HashMap;
import java.util.Map;

import org.sonatype.nexus.common.collect.NestedAttributesMap;
import org.sonatype.nexus.repository.cache.CacheInfo;
import org.sonatype.nexus.repository.content.Asset;
import org.sonatype.nexus.repository.content.store.AssetData;
import org.sonatype.nexus.repository.content.store.InternalIds;
import org.sonatype.nexus.repository.view.Content;

import org.joda.time.DateTime;

/**
 * A plain copy of an asset read from the database, for an asset that many requests share. What the database hands
 * out is a MyBatis lazy-loading proxy, and every call on it takes that object's lock: concurrent downloads of one
 * file holding the same proxy queue on it whenever its holder is descheduled, which showed in the tail latency. The
 * copy keeps the internal ids (so marking it downloaded and the event that follows name the same asset), its
 * release, blob, attributes and dates.
 *
 * The dates a proxy keeps in an asset's attributes (when it last checked upstream, upstream's Last-Modified) are held
 * parsed: Nexus parses these ISO strings with Joda on every download and staleness check of a proxied file, 6.5 % of
 * a cache hit's CPU in a profile, and takes a parsed date as it is. Nothing writes attributes back from this copy:
 * Nexus reads an asset's attributes anew before it changes them.
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
    copy.setAttributes(withDatesParsed(asset.attributes()));
    copy.setCreated(asset.created());
    copy.setLastUpdated(asset.lastUpdated());
    return copy;
  }

  private static NestedAttributesMap withDatesParsed(final NestedAttributesMap attributes) {
    Map<String, Object> copy = new HashMap<>(attributes.backing());
    parseDate(copy, CacheInfo.CACHE, CacheInfo.LAST_VERIFIED);
    parseDate(copy, Content.CONTENT, Content.CONTENT_LAST_MODIFIED);
    return new NestedAttributesMap(attributes.getKey(), copy);
  }

  @SuppressWarnings("unchecked")
  private static void parseDate(final Map<String, Object> attributes, final String child, final String key) {
    Object values = attributes.get(child);
    if (!(values instanceof Map) || !(((Map<String, Object>) values).get(key) instanceof String)) {
      return;
    }
    Map<String, Object> parsed = new HashMap<>((Map<String, Object>) values);
    try {
      parsed.put(key, new DateTime(parsed.get(key)));
      attributes.put(child, parsed);
    }
    catch (IllegalArgumentException e) {
      // Left as stored: Nexus answers for a date it cannot read as it always did.
    }
  }
}
