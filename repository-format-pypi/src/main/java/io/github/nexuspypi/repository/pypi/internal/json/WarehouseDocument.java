package io.github.nexuspypi.repository.pypi.internal.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.github.nexuspypi.core.index.Yank;
import io.github.nexuspypi.core.metadata.CoreMetadata;
import io.github.nexuspypi.core.version.Version;
import io.github.nexuspypi.core.warehouse.LatestRelease;
import io.github.nexuspypi.core.warehouse.WarehouseFile;
import io.github.nexuspypi.core.warehouse.WarehouseJsonWriter;
import io.github.nexuspypi.core.warehouse.WarehouseRelease;
import io.github.nexuspypi.repository.pypi.internal.RouteTokens;

import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.view.ContentTypes;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.payloads.BytesPayload;

/**
 * The answer at {@code /pypi/<project>/json} or {@code /pypi/<project>/<version>/json} from a project's files,
 * whichever kind of repository knows them: the release the URL names (or the latest), described by its core
 * metadata.
 */
public final class WarehouseDocument
{
  /** The core metadata that describes a release; empty when none can be had. */
  public interface MetadataSource
  {
    Optional<CoreMetadata> of(WarehouseRelease release) throws IOException;
  }

  private WarehouseDocument() {
  }

  /**
   * Files grouped into releases by their version, in the order given. Warehouse yanks releases, we yank files: a
   * release is yanked when all its files are.
   */
  public static <T> Map<String, WarehouseRelease> releases(final List<T> files, final Function<T, String> version,
                                                           final Function<T, Yank> yank,
                                                           final Function<T, WarehouseFile> describe)
  {
    Map<String, List<T>> byVersion = new LinkedHashMap<>();
    files.forEach(file -> byVersion.computeIfAbsent(version.apply(file), v -> new ArrayList<>()).add(file));
    Map<String, WarehouseRelease> releases = new LinkedHashMap<>();
    byVersion.forEach((release, grouped) -> {
      List<WarehouseFile> described = new ArrayList<>();
      grouped.forEach(file -> described.add(describe.apply(file)));
      boolean yanked = grouped.stream().allMatch(file -> yank.apply(file) != null);
      releases.put(release, new WarehouseRelease(release, yanked ? yank.apply(grouped.get(0)) : null, described));
    });
    return releases;
  }

  /** The document the request asks for, or a 404 when the project or the release has no file. */
  public static Response answer(final Context context, final String project,
                                final Map<String, WarehouseRelease> releases, final long lastSerial,
                                final MetadataSource metadata) throws IOException
  {
    if (releases.isEmpty()) {
      return HttpResponses.notFound("No project '" + project + "' in this repository.");
    }
    Optional<String> requestedVersion = RouteTokens.get(context, RouteTokens.VERSION);
    Optional<WarehouseRelease> selected = requestedVersion.isPresent()
        ? release(releases, requestedVersion.get())
        : LatestRelease.select(releases.values());
    if (selected.isEmpty()) {
      return HttpResponses.notFound("No release '" + requestedVersion.orElse("") + "' of '" + project + "'.");
    }
    CoreMetadata described = metadata.of(selected.get())
        .orElseGet(() -> nameAndVersion(project, selected.get().version()));
    WarehouseJsonWriter writer = new WarehouseJsonWriter(new RepositoryUrls(LinkBase.of(context)));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (requestedVersion.isPresent()) {
      writer.writeRelease(described, selected.get(), lastSerial, body);
    }
    else {
      writer.writeProject(described, selected.get(), releases.values(), lastSerial, body);
    }
    return HttpResponses.ok(new BytesPayload(body.toByteArray(), ContentTypes.APPLICATION_JSON));
  }

  /** The URL every file of the document is linked at: through the repository the client asked. */
  public static String fileUrl(final Context context, final String distributionPath) {
    return LinkBase.of(context) + distributionPath;
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

  /** Without metadata, name and version still describe a release. */
  private static CoreMetadata nameAndVersion(final String project, final String version) {
    return CoreMetadata.parse(("Metadata-Version: 2.1\nName: " + project + "\nVersion: " + version + "\n")
        .getBytes(StandardCharsets.UTF_8));
  }
}
