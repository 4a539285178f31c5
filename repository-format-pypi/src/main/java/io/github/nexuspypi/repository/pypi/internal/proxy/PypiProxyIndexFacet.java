package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import javax.inject.Named;

import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.repository.pypi.internal.index.IndexPageRenderer;
import io.github.nexuspypi.repository.pypi.internal.index.PageCachingIndexFacet;
import io.github.nexuspypi.repository.pypi.internal.index.RenderedPage;

import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.Context;

/**
 * A proxy's pages: upstream's, as the proxy keeps them, with every link leading back into the proxy. A page is
 * rendered once per format for each copy of it the proxy keeps.
 */
@Named
public class PypiProxyIndexFacet
    extends PageCachingIndexFacet
{
  @Override
  public Content rootPage(final Context context, final SimpleFormat format) throws IOException {
    return proxy().root(context, format)
        .orElseThrow(() -> new IOException("Upstream has no root page: " + proxy().getRemoteUrl()));
  }

  @Override
  public Optional<Content> projectPage(final Context context, final String project, final SimpleFormat format)
      throws IOException
  {
    Optional<Content> kept = proxy().pageContent(context, project);
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    return cache.get(project, format, () -> Optional.of(IndexPageRenderer.project(
            ProxiedLinks.forClients(PypiProxyFacet.parseKept(kept.get())), format, Instant.now())))
        .map(RenderedPage::toContent);
  }

  private PypiProxyFacet proxy() {
    return facet(PypiProxyFacet.class);
  }
}
