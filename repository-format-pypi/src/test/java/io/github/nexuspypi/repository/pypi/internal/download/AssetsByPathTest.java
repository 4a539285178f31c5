package io.github.nexuspypi.repository.pypi.internal.download;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.sonatype.nexus.repository.content.fluent.FluentAsset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.Mockito.mock;

class AssetsByPathTest
{
  private static final String WHEEL = "/packages/demo/1.0/demo-1.0-py3-none-any.whl";

  private final AssetsByPath assets = new AssetsByPath(100);

  private final AtomicInteger lookups = new AtomicInteger();

  private Optional<FluentAsset> lookUp(final FluentAsset stored) {
    return assets.get(WHEEL, path -> {
      lookups.incrementAndGet();
      return Optional.ofNullable(stored);
    });
  }

  @Test
  void anUnchangedAssetIsLookedUpOnce() {
    FluentAsset stored = mock(FluentAsset.class);

    assertSame(stored, lookUp(stored).orElseThrow());
    assertSame(stored, lookUp(mock(FluentAsset.class)).orElseThrow());
    assertEquals(1, lookups.get());
  }

  @Test
  void aMissingAssetIsNotRemembered() {
    assertEquals(Optional.empty(), lookUp(null));
    FluentAsset uploaded = mock(FluentAsset.class);

    assertSame(uploaded, lookUp(uploaded).orElseThrow());
  }

  @Test
  void aChangeToItsPathOrToAllDropsIt() {
    lookUp(mock(FluentAsset.class));
    assets.changed("/packages/other/1.0/other-1.0.tar.gz");
    assertEquals(1, lookups.get());
    lookUp(mock(FluentAsset.class));
    assertEquals(1, lookups.get());

    assets.changed(WHEEL);
    FluentAsset replaced = mock(FluentAsset.class);
    assertSame(replaced, lookUp(replaced).orElseThrow());
    assertEquals(2, lookups.get());

    assets.changedAll();
    assertEquals(Optional.empty(), lookUp(null));
  }

  @Test
  void anAssetReadWhileAChangeWasMadeIsNotKept() {
    FluentAsset outdated = mock(FluentAsset.class);
    assets.get(WHEEL, path -> {
      // The delete commits and its event comes while the lookup still holds the old row.
      assets.changed(WHEEL);
      return Optional.of(outdated);
    });

    assertEquals(Optional.empty(), lookUp(null));
  }
}
