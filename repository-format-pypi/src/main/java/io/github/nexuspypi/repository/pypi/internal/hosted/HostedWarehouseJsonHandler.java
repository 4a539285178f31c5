package io.github.nexuspypi.repository.pypi.internal.hosted;

import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

import javax.annotation.Nonnull;
import javax.inject.Named;
import javax.inject.Singleton;

import io.github.nexuspypi.core.filename.PackageType;
import io.github.nexuspypi.core.metadata.CoreMetadata;
import io.github.nexuspypi.core.warehouse.WarehouseFile;
import io.github.nexuspypi.core.warehouse.WarehouseRelease;
import io.github.nexuspypi.repository.pypi.PypiContentFacet;
import io.github.nexuspypi.repository.pypi.internal.PypiPaths;
import io.github.nexuspypi.repository.pypi.internal.RouteTokens;
import io.github.nexuspypi.repository.pypi.internal.index.ProjectFiles;
import io.github.nexuspypi.repository.pypi.internal.index.StoredFile;
import io.github.nexuspypi.repository.pypi.internal.json.WarehouseDocument;

import org.sonatype.nexus.repository.content.fluent.FluentAsset;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Response;

/**
 * {@code /pypi/<project>/json} and {@code /pypi/<project>/<version>/json} of a hosted repository, from its stored
 * files: the Warehouse JSON API that Renovate, Dependabot, pip-audit and poetry's PyPI source read.
 */
@Named
@Singleton
public class HostedWarehouseJsonHandler
    implements Handler
{
  @Nonnull
  @Override
  public Response handle(@Nonnull final Context context) throws Exception {
    String project = RouteTokens.get(context, RouteTokens.PROJECT).orElseThrow();
    PypiContentFacet content = context.getRepository().facet(PypiContentFacet.class);
    ProjectFiles files;
    try (var assets = content.projectAssets(project)) {
      files = ProjectFiles.read(project, assets);
    }
    Map<String, WarehouseRelease> releases = WarehouseDocument.releases(files.files(), StoredFile::version,
        file -> file.link().yank(), file -> warehouseFile(context, file));
    long lastSerial = files.files().stream()
        .mapToLong(file -> file.link().uploadTime().getEpochSecond()).max().orElse(0);
    return WarehouseDocument.answer(context, project, releases, lastSerial,
        release -> metadataOf(release, files, content));
  }

  private static WarehouseFile warehouseFile(final Context context, final StoredFile file) {
    return WarehouseFile.of(file.link().toBuilder().url(WarehouseDocument.fileUrl(context, file.path()))
            .hashes(file.digests()).build(),
        file.packageType(), file.pythonVersion());
  }

  /**
   * The selected release's own metadata: a wheel's if it has one, since an sdist's may be partly dynamic; any file's
   * whose {@code .metadata} is still stored, since one can be deleted alone.
   */
  private static Optional<CoreMetadata> metadataOf(final WarehouseRelease release, final ProjectFiles files,
                                                   final PypiContentFacet content) throws IOException
  {
    Optional<FluentAsset> metadata = files.files().stream()
        .filter(file -> file.version().equals(release.version()))
        .sorted(Comparator.comparing(file -> PackageType.BDIST_WHEEL.formValue().equals(file.packageType()) ? 0 : 1))
        .map(file -> content.find(PypiPaths.metadataOf(file.path())))
        .flatMap(Optional::stream)
        .findFirst();
    if (metadata.isPresent()) {
      try (InputStream in = metadata.get().download().openInputStream()) {
        return Optional.of(CoreMetadata.parse(in.readAllBytes()));
      }
    }
    // Every file's .metadata was deleted by hand.
    return Optional.empty();
  }
}
