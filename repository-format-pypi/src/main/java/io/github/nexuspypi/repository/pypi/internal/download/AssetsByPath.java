package io.github.nexuspypi.repository.pypi.internal.download;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.sonatype.nexus.repository.content.fluent.FluentAsset;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

/**
 * Stored files' assets by path, so that downloading a file that did not change costs no database query. An asset
 * is dropped when a content event names its path (stored, replaced, deleted, its attributes changed, marked as
 * downloaded: the next lookup then reads the new {@code lastDownloaded} as well), and every asset on any other
 * content event.
 *
 * An asset read from the database while a change was being made must not stay: every change takes a number
 * first, and an asset looked up while the number moved is dropped again right after it was put. Whichever comes
 * first, the change's drop or the lookup's own, the outdated asset does not outlive the change's event, which Nexus
 * delivers before the changing request answers.
 */
public class AssetsByPath
{
  private final Cache<String, FluentAsset> assets;

  private final AtomicLong changes = new AtomicLong();

  public AssetsByPath(final long maximumAssets) {
    this.assets = CacheBuilder.newBuilder().maximumSize(maximumAssets).build();
  }

  public Optional<FluentAsset> get(final String path, final Function<String, Optional<FluentAsset>> lookup) {
    FluentAsset cached = assets.getIfPresent(path);
    if (cached != null) {
      return Optional.of(cached);
    }
    long before = changes.get();
    Optional<FluentAsset> found = lookup.apply(path);
    if (found.isPresent()) {
      assets.put(path, found.get());
      if (changes.get() != before) {
        assets.asMap().remove(path, found.get());
      }
    }
    return found;
  }

  public boolean keeps(final String path) {
    return assets.getIfPresent(path) != null;
  }

  public void changed(final String path) {
    changes.incrementAndGet();
    assets.invalidate(path);
  }

  public void changedAll() {
    changes.incrementAndGet();
    assets.invalidateAll();
  }
}
