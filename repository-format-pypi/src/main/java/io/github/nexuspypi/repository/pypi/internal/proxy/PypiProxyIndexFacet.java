package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import javax.inject.Named;

import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.repository.pypi.internal.index.PageCache;
import io.github.nexuspypi.repository.pypi.internal.index.PageCachingIndexFacet;
import io.github.nexuspypi.repository.pypi.internal.index.PageFreshness;
import io.github.nexuspypi.repository.pypi.internal.index.RenderedPage;

import org.sonatype.nexus.repository.Facet;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.payloads.StreamPayload;

/**
 * A proxy's pages: upstream's, as the proxy keeps them, with every link leading back into the proxy. A page is
 * rendered once per format for each copy of it the proxy keeps, unless it is too large to hold (see
 * {@link ClientPage}).
 */
@Named
@Facet.Exposed
public class PypiProxyIndexFacet
    extends PageCachingIndexFacet<ClientPage>
{
  public PypiProxyIndexFacet() {
    super(new PageCache<>(CACHE_BYTES, ClientPage::weight));
  }

  /** The kept copy in the format asked for, named with the exact type asked for: PEP 691 clients check it. */
  @Override
  public Content rootPage(final Context context, final SimpleFormat format) throws IOException {
    Content kept = proxy().root(context, format)
        .orElseThrow(() -> new IOException("Upstream has no root page: " + proxy().getRemoteUrl()));
    return new Content(kept, new StreamPayload(kept::openInputStream, kept.getSize(),
        RenderedPage.contentType(format)));
  }

  /**
   * Until the kept page is due for a refresh, its rendering is served without asking the database; after that,
   * Nexus's proxy support checks its age and refreshes it from upstream, and the page is rendered again.
   */
  @Override
  public Optional<Content> projectPage(final Context context, final String project, final SimpleFormat format)
      throws IOException
  {
    PageCache.Expiring<ClientPage> page = cache.getExpiring(project, format, () -> {
      Optional<Content> kept = proxy().pageContent(context, project);
      if (kept.isEmpty()) {
        // Not kept: the negative cache answers the next requests, and a later one asks again.
        return new PageCache.Expiring<>(Optional.empty(), Instant.now());
      }
      return new PageCache.Expiring<>(Optional.of(proxy().clientPage(kept.get(), project, format)),
          proxy().freshUntil(kept.get()));
    });
    return page.page().map(client -> PageFreshness.mark(client.toContent(), page.freshUntil()));
  }

  /** Nexus's "Invalidate cache": every page is due for a refresh at its next request. */
  void invalidate() {
    cache.changedAll();
  }

  private PypiProxyFacet proxy() {
    return facet(PypiProxyFacet.class);
  }
}
