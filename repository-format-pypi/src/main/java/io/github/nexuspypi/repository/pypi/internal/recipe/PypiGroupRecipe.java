package io.github.nexuspypi.repository.pypi.internal.recipe;

import javax.annotation.Nonnull;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Provider;
import javax.inject.Singleton;

import io.github.nexuspypi.repository.pypi.internal.PypiFormat;
import io.github.nexuspypi.repository.pypi.internal.group.GroupFilesHandler;
import io.github.nexuspypi.repository.pypi.internal.group.GroupUploadHandler;
import io.github.nexuspypi.repository.pypi.internal.group.GroupWarehouseJsonHandler;
import io.github.nexuspypi.repository.pypi.internal.group.PypiGroupIndexFacet;
import io.github.nexuspypi.repository.pypi.internal.group.ServedByHandler;

import org.sonatype.nexus.common.upgrade.AvailabilityVersion;
import org.sonatype.nexus.repository.Format;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.Type;
import org.sonatype.nexus.repository.group.GroupFacet;
import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.types.GroupType;
import org.sonatype.nexus.repository.view.Matcher;
import org.sonatype.nexus.repository.view.Route;
import org.sonatype.nexus.repository.view.matchers.ActionMatcher;

/**
 * {@code pypi-group}: one index URL over ordered hosted, proxy and group members, guarded against dependency
 * confusion.
 */
@AvailabilityVersion(from = "1.0")
@Named(PypiGroupRecipe.NAME)
@Singleton
public class PypiGroupRecipe
    extends PypiRecipeSupport
{
  public static final String NAME = "pypi-group";

  @Inject
  Provider<GroupFacet> groupFacet;

  @Inject
  Provider<PypiGroupIndexFacet> indexFacet;

  @Inject
  GroupFilesHandler filesHandler;

  @Inject
  ServedByHandler servedByHandler;

  @Inject
  GroupWarehouseJsonHandler warehouseJsonHandler;

  @Inject
  GroupUploadHandler uploadHandler;

  @Inject
  public PypiGroupRecipe(@Named(GroupType.NAME) final Type type, @Named(PypiFormat.NAME) final Format format) {
    super(type, format);
  }

  @Override
  public void apply(@Nonnull final Repository repository) throws Exception {
    repository.attach(securityFacet.get());
    repository.attach(view(
        simpleRoute(servedByHandler),
        memberPackagesRoute(),
        warehouseJsonRoute(warehouseJsonHandler),
        uploadRoute()));
    repository.attach(groupFacet.get());
    repository.attach(contentFacet.get());
    repository.attach(browseFacet.get());
    repository.attach(indexFacet.get());
  }

  @Override
  protected Route.Builder readRoute(final Matcher path) {
    return routedReads(path);
  }

  /** Files as a group serves them: by a member, whose own route answers ranges and validators. */
  private Route memberPackagesRoute() {
    return readRoute(packagesMatcher()).handler(filesHandler).create();
  }

  /** Any write, wherever it is sent: twine and poetry post to the repository's root, others elsewhere. */
  private Route uploadRoute() {
    return new Route.Builder()
        .matcher(new ActionMatcher(HttpMethods.POST, HttpMethods.PUT))
        .handler(timingHandler)
        .handler(exceptionHandler)
        .handler(uploadHandler)
        .create();
  }
}
