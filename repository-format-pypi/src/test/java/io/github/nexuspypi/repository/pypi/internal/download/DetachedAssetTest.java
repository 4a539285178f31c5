package io.github.nexuspypi.repository.pypi.internal.download;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.sonatype.nexus.blobstore.api.BlobRef;
import org.sonatype.nexus.common.collect.NestedAttributesMap;
import org.sonatype.nexus.repository.content.store.AssetBlobData;
import org.sonatype.nexus.repository.content.store.AssetData;
import org.sonatype.nexus.repository.content.store.ComponentData;
import org.sonatype.nexus.repository.content.store.InternalIds;

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
