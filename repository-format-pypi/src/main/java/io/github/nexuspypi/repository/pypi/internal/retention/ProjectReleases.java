package io.github.nexuspypi.repository.pypi.internal.retention;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.nexuspypi.core.retention.StoredRelease;
import io.github.nexuspypi.core.version.Version;
import io.github.nexuspypi.repository.pypi.PypiContentFacet;
import io.github.nexuspypi.repository.pypi.internal.PypiAttributes;
import io.github.nexuspypi.repository.pypi.internal.PypiPaths;

import org.sonatype.nexus.repository.content.Asset;
import org.sonatype.nexus.repository.content.fluent.FluentComponent;

import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.KIND_DISTRIBUTION;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_PYPI;

/**
 * The releases of one project of a hosted repository, in PyPI terms: a release is the component stored under the
 * project's normalised name and the version of its first upload, which PEP 440 makes equal to every other spelling
 * ({@code 1.0} is {@code 1.0.0}).
 */
public final class ProjectReleases
{
  private final PypiContentFacet content;

  private final String project;

  /**
   * @param project normalised name
   */
  public ProjectReleases(final PypiContentFacet content, final String project) {
    this.content = content;
    this.project = project;
  }

  public String project() {
    return project;
  }

  /** The release that is {@code version} under PEP 440, whatever the spelling it was stored with. */
  public Optional<FluentComponent> find(final Version version) {
    return content.releaseVersion(project, version).flatMap(this::component);
  }

  /** Every release of the project. */
  public List<FluentComponent> all() {
    return content.components().versions("", project).stream()
        .map(this::component)
        .flatMap(Optional::stream)
        .collect(Collectors.toList());
  }

  private Optional<FluentComponent> component(final String storedVersion) {
    return content.components().name(project).version(storedVersion).find();
  }

  /**
   * What retention needs to know of each release, read from one query for the project's files: the newest upload
   * time among a release's files and their latest download. Versions PEP 440 does not parse are left out, so they
   * are never deleted.
   */
  public Map<StoredRelease, String> stored() {
    Map<String, Instant> uploaded = new HashMap<>();
    Map<String, Instant> downloaded = new HashMap<>();
    try (Stream<Asset> assets = content.projectAssets(project)) {
      assets.filter(asset -> KIND_DISTRIBUTION.equals(asset.kind())).forEach(asset -> {
        Optional<String> version = PypiPaths.versionOf(asset.path());
        if (version.isPresent()) {
          uploaded.merge(version.get(), uploadTime(asset), ProjectReleases::later);
          asset.lastDownloaded().map(OffsetDateTime::toInstant)
              .ifPresent(when -> downloaded.merge(version.get(), when, ProjectReleases::later));
        }
      });
    }
    Map<StoredRelease, String> releases = new HashMap<>();
    uploaded.forEach((version, when) -> Version.tryParse(version).ifPresent(parsed -> releases.put(
        new StoredRelease(parsed, when, Optional.ofNullable(downloaded.get(version))), version)));
    return releases;
  }

  // The upload time pages show (an importer may carry it over from the source); the asset's creation otherwise.
  private static Instant uploadTime(final Asset asset) {
    Object recorded = asset.attributes(P_PYPI).get(PypiAttributes.P_UPLOAD_TIME);
    if (recorded != null) {
      try {
        return Instant.parse(recorded.toString());
      }
      catch (DateTimeParseException e) {
        // fall through to the creation time
      }
    }
    return asset.created().toInstant();
  }

  private static Instant later(final Instant a, final Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
