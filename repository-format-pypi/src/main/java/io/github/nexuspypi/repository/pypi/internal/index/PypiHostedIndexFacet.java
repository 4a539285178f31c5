package io.github.nexuspypi.repository.pypi.internal.index;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import javax.inject.Named;

import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.repository.pypi.PypiContentFacet;
import io.github.nexuspypi.repository.pypi.PypiIndexFacet;
import io.github.nexuspypi.repository.pypi.internal.PypiPaths;

import org.sonatype.nexus.repository.FacetSupport;
import org.sonatype.nexus.repository.content.event.asset.AssetDownloadedEvent;
import org.sonatype.nexus.repository.content.event.asset.AssetEvent;
import org.sonatype.nexus.repository.content.event.component.ComponentEvent;
import org.sonatype.nexus.repository.content.store.ContentStoreEvent;

import com.google.common.eventbus.AllowConcurrentEvents;
import com.google.common.eventbus.Subscribe;

/**
 * A hosted repository's pages, built from its database and cached until its content changes. Content events are
 * posted after their transaction commits and delivered on the committing thread, so by the time an upload or a
 * delete answers, every page it touched is already outdated.
 */
@Named
public class PypiHostedIndexFacet
    extends FacetSupport
    implements PypiIndexFacet
{
  // Pages of a private index are a few KiB each; this keeps thousands of them per repository.
  private static final long CACHE_BYTES = 32L * 1024 * 1024;

  private final PageCache cache = new PageCache(CACHE_BYTES);

  @Override
  public RenderedPage rootPage(final SimpleFormat format) throws IOException {
    return cache.get(PageCache.ROOT, format,
        () -> Optional.of(IndexPageRenderer.root(content().projects(), format, Instant.now()))).orElseThrow();
  }

  @Override
  public Optional<RenderedPage> projectPage(final String project, final SimpleFormat format) throws IOException {
    return cache.get(project, format, () -> {
      Optional<ProjectPage> page;
      try (var assets = content().projectAssets(project)) {
        page = ProjectPageBuilder.build(project, assets);
      }
      return page.map(model -> IndexPageRenderer.project(model, format, Instant.now()));
    });
  }

  @Subscribe
  @AllowConcurrentEvents
  public void on(final ContentStoreEvent event) {
    if (event instanceof AssetDownloadedEvent || !isForThisRepository(event)) {
      return;
    }
    if (event instanceof AssetEvent assetEvent) {
      PypiPaths.projectOf(assetEvent.getAsset().path()).ifPresentOrElse(cache::changed, cache::changedAll);
    }
    else if (event instanceof ComponentEvent componentEvent) {
      cache.changed(componentEvent.getComponent().name());
    }
    else {
      cache.changedAll();
    }
  }

  private boolean isForThisRepository(final ContentStoreEvent event) {
    return event.getRepository().map(repository -> repository.getName().equals(getRepository().getName()))
        .orElse(false);
  }

  private PypiContentFacet content() {
    return facet(PypiContentFacet.class);
  }
}
