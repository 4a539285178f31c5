package io.github.nexuspypi.repository.pypi.internal;

import javax.annotation.Nonnull;
import javax.inject.Named;
import javax.inject.Singleton;

import io.github.nexuspypi.repository.pypi.PypiContentFacet;

import org.sonatype.nexus.repository.content.fluent.FluentAsset;
import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Response;

/**
 * {@code /packages/<project>/<version>/<file>} and its {@code .metadata}: the stored bytes. Ranges, conditional
 * requests and validators come from the handlers before this one on the route.
 */
@Named
@Singleton
public class PackageHandler
    implements Handler
{
  @Nonnull
  @Override
  public Response handle(@Nonnull final Context context) throws Exception {
    String path = context.getRequest().getPath();
    return context.getRepository().facet(PypiContentFacet.class).findToDownload(path)
        .map(FluentAsset::download)
        .map(HttpResponses::ok)
        .orElseGet(() -> HttpResponses.notFound(path));
  }
}
