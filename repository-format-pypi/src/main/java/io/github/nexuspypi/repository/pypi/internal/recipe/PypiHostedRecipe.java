package io.github.nexuspypi.repository.pypi.internal.recipe;

import javax.annotation.Nonnull;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Provider;
import javax.inject.Singleton;

import io.github.nexuspypi.repository.pypi.internal.PackageHandler;
import io.github.nexuspypi.repository.pypi.internal.PypiFormat;
import io.github.nexuspypi.repository.pypi.internal.hosted.HostedWarehouseJsonHandler;
import io.github.nexuspypi.repository.pypi.internal.hosted.PypiHostedFacet;
import io.github.nexuspypi.repository.pypi.internal.hosted.PypiHostedIndexFacet;
import io.github.nexuspypi.repository.pypi.internal.hosted.UploadHandler;
import io.github.nexuspypi.repository.pypi.internal.hosted.UploadSecurityHandler;

import org.sonatype.nexus.common.upgrade.AvailabilityVersion;
import org.sonatype.nexus.repository.Format;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.Type;
import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.types.HostedType;
import org.sonatype.nexus.repository.view.Matcher;
import org.sonatype.nexus.repository.view.Route;
import org.sonatype.nexus.repository.view.matchers.ActionMatcher;
import org.sonatype.nexus.repository.view.matchers.LiteralMatcher;

import static org.sonatype.nexus.repository.view.matchers.logic.LogicMatchers.and;

/**
 * {@code pypi-hosted}: the name Nexus's admin UI already has a form for.
 */
@AvailabilityVersion(from = "1.0")
@Named(PypiHostedRecipe.NAME)
@Singleton
public class PypiHostedRecipe
    extends PypiRecipeSupport
{
  public static final String NAME = "pypi-hosted";

  @Inject
  Provider<PypiHostedFacet> hostedFacet;

  @Inject
  Provider<PypiHostedIndexFacet> indexFacet;

  @Inject
  UploadHandler uploadHandler;

  @Inject
  UploadSecurityHandler uploadSecurityHandler;

  @Inject
  PackageHandler packageHandler;

  @Inject
  HostedWarehouseJsonHandler warehouseJsonHandler;

  @Inject
  public PypiHostedRecipe(@Named(HostedType.NAME) final Type type, @Named(PypiFormat.NAME) final Format format) {
    super(type, format);
  }

  @Override
  public void apply(@Nonnull final Repository repository) throws Exception {
    repository.attach(securityFacet.get());
    repository.attach(view(
        simpleRoute(),
        packagesRoute(packageHandler),
        warehouseJsonRoute(warehouseJsonHandler),
        uploadRoute()));
    repository.attach(contentFacet.get());
    repository.attach(maintenanceFacet.get());
    repository.attach(searchFacet.get());
    repository.attach(browseFacet.get());
    repository.attach(hostedFacet.get());
    repository.attach(indexFacet.get());
  }

  @Override
  protected Route.Builder readRoute(final Matcher path) {
    return withFailuresAnswered(reads(path)
        .handler(timingHandler)
        .handler(securityHandler));
  }

  private Route uploadRoute() {
    return withFailuresAnswered(new Route.Builder()
        .matcher(and(new ActionMatcher(HttpMethods.POST), new LiteralMatcher("/")))
        .handler(timingHandler)
        .handler(uploadSecurityHandler))
        .handler(uploadHandler)
        .create();
  }
}
