package io.github.nexuspypi.repository.pypi.internal.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.annotation.Nonnull;
import javax.inject.Named;
import javax.inject.Singleton;

import io.github.nexuspypi.core.filename.PackageType;
import io.github.nexuspypi.core.metadata.CoreMetadata;
import io.github.nexuspypi.core.name.ProjectName;
import io.github.nexuspypi.core.version.Version;
import io.github.nexuspypi.core.warehouse.LatestRelease;
import io.github.nexuspypi.core.warehouse.WarehouseFile;
import io.github.nexuspypi.core.warehouse.WarehouseJsonWriter;
import io.github.nexuspypi.core.warehouse.WarehouseRelease;
import io.github.nexuspypi.repository.pypi.PypiContentFacet;
import io.github.nexuspypi.repository.pypi.internal.PypiPaths;
import io.github.nexuspypi.repository.pypi.internal.PypiResponses;
import io.github.nexuspypi.repository.pypi.internal.RouteTokens;
import io.github.nexuspypi.repository.pypi.internal.index.ProjectFiles;
import io.github.nexuspypi.repository.pypi.internal.index.StoredFile;

import org.sonatype.nexus.repository.content.fluent.FluentAsset;
import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.view.ContentTypes;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.payloads.BytesPayload;

/**
 * {@code /pypi/<project>/json} and {@code /pypi/<project>/<version>/json}: the Warehouse JSON API that Renovate,
 * Dependabot, pip-audit and poetry's PyPI source read.
 */
@Named
@Singleton
public class WarehouseJsonHandler
    implements Handler
{
  @Nonnull
  @Override
  public Response handle(@Nonnull final Context context) throws Exception {
    Optional<Response> misspelled = misspelled(context);
    if (misspelled.isPresent()) {
      return misspelled.get();
    }
    String project = RouteTokens.get(context, RouteTokens.PROJECT).orElseThrow();
    Optional<String> requestedVersion = RouteTokens.get(context, RouteTokens.VERSION);
    PypiContentFacet content = context.getRepository().facet(PypiContentFacet.class);
    ProjectFiles files;
    try (var assets = content.projectAssets(project)) {
      files = ProjectFiles.read(project, assets);
    }
    String repositoryUrl = RepositoryUrls.servedAs(context);
    Map<String, WarehouseRelease> releases = releases(files, repositoryUrl);
    if (releases.isEmpty()) {
      return HttpResponses.notFound("No project '" + project + "' in this repository.");
    }
    Optional<WarehouseRelease> selected = requestedVersion.isPresent()
        ? release(releases, requestedVersion.get())
        : LatestRelease.select(releases.values());
    if (selected.isEmpty()) {
      return HttpResponses.notFound("No release '" + requestedVersion.orElse("") + "' of '" + project + "'.");
    }
    CoreMetadata metadata = metadataOf(selected.get(), files, content);
    WarehouseJsonWriter writer = new WarehouseJsonWriter(new RepositoryUrls(repositoryUrl));
    long lastSerial = files.files().stream()
        .mapToLong(file -> file.link().uploadTime().getEpochSecond()).max().orElse(0);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (requestedVersion.isPresent()) {
      writer.writeRelease(metadata, selected.get(), lastSerial, body);
    }
    else {
      writer.writeProject(metadata, selected.get(), releases.values(), lastSerial, body);
    }
    return HttpResponses.ok(new BytesPayload(body.toByteArray(), ContentTypes.APPLICATION_JSON));
  }

  /** A 404 for an invalid project name, a 301 to the normalised one for another spelling; empty when it is right. */
  public static Optional<Response> misspelled(final Context context) {
    String name = RouteTokens.get(context, RouteTokens.PROJECT).orElseThrow();
    if (!ProjectName.isValid(name)) {
      return Optional.of(HttpResponses.notFound("'" + name + "' is not a valid project name."));
    }
    String project = ProjectName.normalize(name);
    if (project.equals(name)) {
      return Optional.empty();
    }
    return Optional.of(PypiResponses.movedPermanently(context.getRepository().getUrl() + "/pypi/" + project + "/"
        + RouteTokens.get(context, RouteTokens.VERSION).map(version -> version + "/").orElse("") + "json"));
  }

  private static Map<String, WarehouseRelease> releases(final ProjectFiles files, final String repositoryUrl) {
    Map<String, List<StoredFile>> byVersion = new LinkedHashMap<>();
    files.files().forEach(file -> byVersion.computeIfAbsent(file.version(), v -> new ArrayList<>()).add(file));
    Map<String, WarehouseRelease> releases = new LinkedHashMap<>();
    byVersion.forEach((version, stored) -> releases.put(version, new WarehouseRelease(version,
        // Warehouse yanks releases, we yank files: a release is yanked when all its files are.
        stored.stream().allMatch(file -> file.link().isYanked()) ? stored.get(0).link().yank() : null,
        stored.stream().map(file -> warehouseFile(file, repositoryUrl)).collect(Collectors.toList()))));
    return releases;
  }

  private static WarehouseFile warehouseFile(final StoredFile file, final String repositoryUrl) {
    return WarehouseFile.of(file.link().toBuilder().url(repositoryUrl + file.path()).hashes(file.digests()).build(),
        file.packageType(), file.pythonVersion());
  }

  /**
   * The release the URL names: the same version string, else the one equal to it under PEP 440, so that
   * {@code 1.0} finds {@code 1.0.0} as on Warehouse.
   */
  private static Optional<WarehouseRelease> release(final Map<String, WarehouseRelease> releases,
                                                    final String requested)
  {
    Optional<Version> wanted = Version.tryParse(requested);
    return Optional.ofNullable(releases.get(requested)).or(() -> releases.values().stream()
        .filter(release -> wanted.isPresent() && Version.tryParse(release.version()).equals(wanted))
        .findFirst());
  }

  /**
   * The selected release's own metadata: a wheel's if it has one, since an sdist's may be partly dynamic; any file's
   * whose {@code .metadata} is still stored, since one can be deleted alone.
   */
  private static CoreMetadata metadataOf(final WarehouseRelease release, final ProjectFiles files,
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
        return CoreMetadata.parse(in.readAllBytes());
      }
    }
    // Every file's .metadata was deleted by hand: name and version still describe the release.
    return CoreMetadata.parse(("Metadata-Version: 2.1\nName: " + files.project() + "\nVersion: " + release.version()
        + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
