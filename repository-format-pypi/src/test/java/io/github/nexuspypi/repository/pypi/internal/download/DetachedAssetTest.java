package io.github.nexuspypi.repository.pypi.internal.download;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.sonatype.nexus.blobstore.api.BlobRef;
import org.sonatype.nexus.common.collect.NestedAttributesMap;
import org.sonatype.nexus.repository.cache.CacheInfo;
import org.sonatype.nexus.repository.content.store.AssetBlobData;
import org.sonatype.nexus.repository.content.store.AssetData;
import org.sonatype.nexus.repository.content.store.ComponentData;
import org.sonatype.nexus.repository.content.store.InternalIds;
import org.sonatype.nexus.repository.view.Content;

import org.joda.time.DateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class DetachedAssetTest
{
  private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC);

  @Test
  void theCopyIsTheSameAssetWithItsIdsReleaseBlobAttributesAndDates() {
    AssetData stored = stored();

    AssetData copy = DetachedAsset.of(stored);

    assertNotSame(stored, copy);
    assertEquals(InternalIds.contentRepositoryId(stored), InternalIds.contentRepositoryId(copy));
    assertEquals(41, InternalIds.internalAssetId(copy));
    assertEquals(7, InternalIds.internalComponentId(copy).getAsInt());
    assertEquals(13, InternalIds.internalAssetBlobId(copy).getAsInt());
    assertEquals("/packages/demo/1.0/demo-1.0-py3-none-any.whl", copy.path());
    assertEquals("distribution", copy.kind());
    assertSame(stored.blob().orElseThrow(), copy.blob().orElseThrow());
    assertEquals("default", copy.blobStoreName());
    assertEquals(1234L, copy.assetBlobSize());
    assertEquals(Optional.of(CREATED.plusHours(2)), copy.lastDownloaded());
    assertEquals("abc", copy.attributes().child("pypi").get("sha256"));
    assertEquals(CREATED, copy.created());
    assertEquals(CREATED.plusHours(1), copy.lastUpdated());
  }

  @Test
  void anAssetNeverDownloadedStaysSo() {
    AssetData stored = stored();
    stored.setLastDownloaded(null);

    assertEquals(Optional.empty(), DetachedAsset.of(stored).lastDownloaded());
  }

  @Test
  void aProxiedFilesDatesAreHeldParsedAndReadAsNexusReadsTheStoredText() {
    AssetData stored = stored();
    stored.attributes().child(CacheInfo.CACHE).set(CacheInfo.LAST_VERIFIED, "2026-12-01T10:15:30.123Z");
    stored.attributes().child(CacheInfo.CACHE).set(CacheInfo.CACHE_TOKEN, "token-7");
    stored.attributes().child(Content.CONTENT).set(Content.CONTENT_LAST_MODIFIED, "2026-11-30T08:00:00.000+01:00");
    stored.attributes().child(Content.CONTENT).set(Content.CONTENT_ETAG, "\"etag\"");

    AssetData copy = DetachedAsset.of(stored);

    assertEquals(DateTime.class, copy.attributes().child(CacheInfo.CACHE).get(CacheInfo.LAST_VERIFIED).getClass());
    CacheInfo fromCopy = CacheInfo.fromMap(copy.attributes().child(CacheInfo.CACHE));
    CacheInfo fromStored = CacheInfo.fromMap(stored.attributes().child(CacheInfo.CACHE));
    assertEquals(fromStored.getLastVerified(), fromCopy.getLastVerified());
    assertEquals("token-7", fromCopy.getCacheToken());
    Object lastModified = copy.attributes().child(Content.CONTENT).get(Content.CONTENT_LAST_MODIFIED);
    assertEquals(new DateTime("2026-11-30T08:00:00.000+01:00"), new DateTime(lastModified));
    assertEquals("\"etag\"", copy.attributes().child(Content.CONTENT).get(Content.CONTENT_ETAG));
    assertEquals("abc", copy.attributes().child("pypi").get("sha256"));
  }

  @Test
  void theStoredAssetsAttributesStayAsRead() {
    AssetData stored = stored();
    stored.attributes().child(CacheInfo.CACHE).set(CacheInfo.LAST_VERIFIED, "2026-12-01T10:15:30.123Z");

    DetachedAsset.of(stored);

    assertEquals("2026-12-01T10:15:30.123Z", stored.attributes().child(CacheInfo.CACHE).get(CacheInfo.LAST_VERIFIED));
  }

  @Test
  void aDateThatCannotBeReadIsLeftForNexusToAnswerFor() {
    AssetData stored = stored();
    stored.attributes().child(CacheInfo.CACHE).set(CacheInfo.LAST_VERIFIED, "yesterday");

    assertEquals("yesterday",
        DetachedAsset.of(stored).attributes().child(CacheInfo.CACHE).get(CacheInfo.LAST_VERIFIED));
  }

  private static AssetData stored() {
    ComponentData release = new ComponentData();
    release.setComponentId(7);
    AssetBlobData blob = new AssetBlobData();
    blob.setAssetBlobId(13);
    blob.setBlobRef(new BlobRef("default", "a8f3f56f-e895-4b6e-984a-1cf1f5107d36"));
    AssetData stored = new AssetData();
    stored.setRepositoryId(3);
    stored.setAssetId(41);
    stored.setPath("/packages/demo/1.0/demo-1.0-py3-none-any.whl");
    stored.setKind("distribution");
    stored.setComponent(release);
    stored.setAssetBlob(blob);
    stored.setBlobStoreName("default");
    stored.setAssetBlobSize(1234L);
    stored.setLastDownloaded(CREATED.plusHours(2));
    stored.setAttributes(new NestedAttributesMap("attributes",
        new HashMap<>(Map.of("pypi", new HashMap<>(Map.of("sha256", "abc"))))));
    stored.setCreated(CREATED);
    stored.setLastUpdated(CREATED.plusHours(1));
    return stored;
  }
}
