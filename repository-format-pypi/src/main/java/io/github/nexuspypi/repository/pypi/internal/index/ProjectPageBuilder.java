package io.github.nexuspypi.repository.pypi.internal.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.github.nexuspypi.core.filename.PackageType;
import io.github.nexuspypi.core.index.CoreMetadataRef;
import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.Yank;
import io.github.nexuspypi.repository.pypi.internal.PypiPaths;

import org.sonatype.nexus.common.collect.NestedAttributesMap;
import org.sonatype.nexus.repository.content.Asset;
import org.sonatype.nexus.repository.content.fluent.FluentAsset;

import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.KIND_DISTRIBUTION;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.KIND_METADATA;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_FILENAME;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_PACKAGE_TYPE;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_PYPI;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_REQUIRES_PYTHON;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_SHA256;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_SIZE;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_UPLOAD_TIME;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_YANKED;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_YANKED_REASON;

/**
 * Turns a project's stored assets into the index model of its page. Everything comes from the assets' attributes:
 * the page costs one query and no blob read.
 */
public final class ProjectPageBuilder
{
  private ProjectPageBuilder() {
  }

  /** Empty when the project has no distribution file. */
  public static Optional<ProjectPage> build(final String project, final Stream<? extends FluentAsset> assets) {
    List<Asset> distributions = new ArrayList<>();
    Map<String, String> metadataSha256 = new HashMap<>();
    Set<String> versions = new TreeSet<>();
    assets.forEach(asset -> {
      if (KIND_DISTRIBUTION.equals(asset.kind())) {
        distributions.add(asset);
        // The path holds the release's version: asking the asset for its component would cost a query each.
        PypiPaths.versionOf(asset.path()).ifPresent(versions::add);
      }
      else if (KIND_METADATA.equals(asset.kind())) {
        metadataSha256.put(asset.path(), asset.attributes(P_PYPI).get(P_SHA256, String.class));
      }
    });
    if (distributions.isEmpty()) {
      return Optional.empty();
    }
    List<DistributionLink> links = distributions.stream()
        .map(asset -> link(asset, metadataSha256.get(PypiPaths.metadataOf(asset.path()))))
        .sorted(Comparator.comparing(DistributionLink::filename))
        .toList();
    return Optional.of(new ProjectPage(project, links, versions));
  }

  private static DistributionLink link(final Asset asset, final String metadataSha256) {
    NestedAttributesMap pypi = asset.attributes(P_PYPI);
    // pypi.org offers core metadata for wheels only: an sdist's PKG-INFO may differ from what building it yields.
    boolean wheel = PackageType.BDIST_WHEEL.formValue().equals(pypi.get(P_PACKAGE_TYPE, String.class));
    return new DistributionLink(
        pypi.get(P_FILENAME, String.class),
        PypiPaths.linkFromProjectPage(asset.path()),
        Map.of("sha256", pypi.get(P_SHA256, String.class)),
        pypi.get(P_REQUIRES_PYTHON, String.class),
        Boolean.TRUE.equals(pypi.get(P_YANKED, Boolean.class)) ? new Yank(yankReason(pypi)) : null,
        wheel && metadataSha256 != null ? CoreMetadataRef.ofHashes(Map.of("sha256", metadataSha256)) : null,
        ((Number) pypi.get(P_SIZE)).longValue(),
        Instant.parse(pypi.get(P_UPLOAD_TIME, String.class)),
        null);
  }

  private static String yankReason(final NestedAttributesMap pypi) {
    String reason = pypi.get(P_YANKED_REASON, String.class);
    return reason == null ? "" : reason;
  }
}
