package io.github.nexuspypi.repository.pypi.internal.hosted;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.repository.pypi.PypiContentFacet;
import io.github.nexuspypi.repository.pypi.internal.index.IndexPageRenderer;
import io.github.nexuspypi.repository.pypi.internal.index.PageCache;
import io.github.nexuspypi.repository.pypi.internal.index.PageCachingIndexFacet;
import io.github.nexuspypi.repository.pypi.internal.index.ProjectFiles;
import io.github.nexuspypi.repository.pypi.internal.index.RenderedPage;
import io.github.nexuspypi.repository.pypi.internal.download.MappedFiles;
import io.github.nexuspypi.repository.pypi.internal.download.SendGate;
import io.github.nexuspypi.repository.pypi.internal.index.SpooledRoot;

import org.sonatype.nexus.common.app.ApplicationDirectories;
import org.sonatype.nexus.repository.content.event.asset.AssetEvent;
import org.sonatype.nexus.repository.content.store.ContentStoreEvent;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.Context;

import com.google.common.eventbus.AllowConcurrentEvents;
import com.google.common.eventbus.Subscribe;

/**
 * A hosted repository's pages, built from its database: the projects' pages held in memory, the root, which grows
 * with the number of projects, on disk.
 */
@Named
public class PypiHostedIndexFacet
    extends PageCachingIndexFacet<RenderedPage>
{
  /** The name of the root's files in Nexus's temporary folder, where a dead process's leftovers are swept. */
  public static final String ROOT_FILES = "pypi-hosted-root-";

  private final SpooledRoot root;

  @Inject
  public PypiHostedIndexFacet(final ApplicationDirectories directories, final MappedFiles mappedFiles,
                              final SendGate sendGate)
  {
    super(PageCache.ofRendered(CACHE_BYTES));
    this.root = new SpooledRoot(directories.getTemporaryDirectory().toPath(), ROOT_FILES, mappedFiles, sendGate);
  }

  @Override
  public Content rootPage(final Context context, final SimpleFormat format) throws IOException {
    return root.page(format, content()::projects);
  }

  /**
   * The root lists the releases' names only: a release added or removed (or its attributes, which hold the name as
   * published) changes it, as does anything that names no asset (a purge, the repository emptied). A file added,
   * removed or yanked in a release that stays does not.
   */
  @Subscribe
  @AllowConcurrentEvents
  public void onRootChange(final ContentStoreEvent event) {
    if (!(event instanceof AssetEvent) && event.getRepository().map(this::isSourceOfPages).orElse(false)) {
      root.changed();
    }
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

  @Override
  protected void doDestroy() throws Exception {
    root.discard();
  }

  private PypiContentFacet content() {
    return facet(PypiContentFacet.class);
  }
}
