package io.github.nexuspypi.repository.pypi.internal.hosted;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import javax.inject.Named;

import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.repository.pypi.PypiContentFacet;
import io.github.nexuspypi.repository.pypi.internal.index.IndexPageRenderer;
import io.github.nexuspypi.repository.pypi.internal.index.PageCache;
import io.github.nexuspypi.repository.pypi.internal.index.PageCachingIndexFacet;
import io.github.nexuspypi.repository.pypi.internal.index.ProjectFiles;
import io.github.nexuspypi.repository.pypi.internal.index.RenderedPage;

import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.Context;

/**
 * A hosted repository's pages, built from its database.
 */
@Named
public class PypiHostedIndexFacet
    extends PageCachingIndexFacet<RenderedPage>
{
  public PypiHostedIndexFacet() {
    super(PageCache.ofRendered(CACHE_BYTES));
  }

  @Override
  public Content rootPage(final Context context, final SimpleFormat format) throws IOException {
    return cache.get(PageCache.ROOT, format,
            () -> Optional.of(IndexPageRenderer.root(content().projects(), format, Instant.now())))
        .orElseThrow().toContent();
  }

  @Override
  public Optional<Content> projectPage(final Context context, final String project, final SimpleFormat format)
      throws IOException
  {
    return cache.get(project, format, () -> {
      Optional<ProjectPage> page;
      try (var assets = content().projectAssets(project)) {
        page = ProjectFiles.read(project, assets).page();
      }
      return page.isEmpty() ? Optional.empty()
          : Optional.of(IndexPageRenderer.project(page.get(), format, Instant.now()));
    }).map(RenderedPage::toContent);
  }

  private PypiContentFacet content() {
    return facet(PypiContentFacet.class);
  }
}
