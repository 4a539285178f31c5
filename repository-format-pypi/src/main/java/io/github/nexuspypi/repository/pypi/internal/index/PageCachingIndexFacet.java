package io.github.nexuspypi.repository.pypi.internal.index;

import io.github.nexuspypi.repository.pypi.PypiIndexFacet;
import io.github.nexuspypi.repository.pypi.internal.PypiPaths;

import org.sonatype.nexus.repository.FacetSupport;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.content.event.asset.AssetDownloadedEvent;
import org.sonatype.nexus.repository.content.event.asset.AssetEvent;
import org.sonatype.nexus.repository.content.event.component.ComponentEvent;
import org.sonatype.nexus.repository.content.store.ContentStoreEvent;

import com.google.common.eventbus.AllowConcurrentEvents;
import com.google.common.eventbus.Subscribe;

/**
 * Keeps a repository's rendered pages until its content changes. Content events are posted after their transaction
 * commits and delivered on the committing thread, so by the time an upload, a delete or a proxy's refresh answers,
 * every page it touched is already outdated.
 */
public abstract class PageCachingIndexFacet<V>
    extends FacetSupport
    implements PypiIndexFacet
{
  // Pages are a few KiB each, a large project's some hundreds: this keeps thousands of them per repository.
  protected static final long CACHE_BYTES = 32L * 1024 * 1024;

  protected final PageCache<V> cache;

  protected PageCachingIndexFacet(final PageCache<V> cache) {
    this.cache = cache;
  }

  @Subscribe
  @AllowConcurrentEvents
  public void on(final ContentStoreEvent event) {
    if (event instanceof AssetDownloadedEvent || !event.getRepository().map(this::isSourceOfPages).orElse(false)) {
      return;
    }
    if (event instanceof AssetEvent) {
      PypiPaths.projectOf(((AssetEvent) event).getAsset().path()).ifPresentOrElse(cache::changed, cache::changedAll);
    }
    else if (event instanceof ComponentEvent) {
      cache.changed(((ComponentEvent) event).getComponent().name());
    }
    else {
      cache.changedAll();
    }
  }

  /** Whether the pages are built from this repository's content: its own, or for a group a member's. */
  protected boolean isSourceOfPages(final Repository repository) {
    return repository.getName().equals(getRepository().getName());
  }
}
