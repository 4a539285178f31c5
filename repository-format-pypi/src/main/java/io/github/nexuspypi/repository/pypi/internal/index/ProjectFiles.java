package io.github.nexuspypi.repository.pypi.internal.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.stream.Stream;

import io.github.nexuspypi.core.filename.PackageType;
import io.github.nexuspypi.core.index.CoreMetadataRef;
import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.Yank;
import io.github.nexuspypi.repository.pypi.internal.PypiPaths;

import org.sonatype.nexus.common.collect.NestedAttributesMap;
import org.sonatype.nexus.repository.content.Asset;

import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.KIND_DISTRIBUTION;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.KIND_METADATA;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_BLAKE2B_256;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_FILENAME;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_MD5;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_PACKAGE_TYPE;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_PYPI;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_PYTHON_VERSION;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_REQUIRES_PYTHON;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_SHA256;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_SIZE;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_UPLOAD_TIME;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_YANKED;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_YANKED_REASON;

/**
 * A project's stored files, read from its assets' attributes: one query, no blob opened.
 */
public final class ProjectFiles
{
  private final String project;

  private final List<StoredFile> files;

  private ProjectFiles(final String project, final List<StoredFile> files) {
    this.project = project;
    this.files = files;
  }

  public static ProjectFiles read(final String project, final Stream<? extends Asset> assets) {
    List<Asset> distributions = new ArrayList<>();
    Map<String, String> metadataSha256 = new HashMap<>();
    assets.forEach(asset -> {
      if (KIND_DISTRIBUTION.equals(asset.kind())) {
        distributions.add(asset);
      }
      else if (KIND_METADATA.equals(asset.kind())) {
        metadataSha256.put(asset.path(), asset.attributes(P_PYPI).get(P_SHA256, String.class));
      }
    });
    List<StoredFile> files = distributions.stream()
        .map(asset -> file(asset, metadataSha256.get(PypiPaths.metadataOf(asset.path()))))
        .sorted(Comparator.comparing(file -> file.link().filename()))
        .collect(Collectors.toList());
    return new ProjectFiles(project, files);
  }

  public String project() {
    return project;
  }

  public List<StoredFile> files() {
    return files;
  }

  /** The project's simple page; empty when it has no file, so that clients get a 404. */
  public Optional<ProjectPage> page() {
    if (files.isEmpty()) {
      return Optional.empty();
    }
    // The path holds the release's version: asking each asset for its component would cost a query each.
    Set<String> versions = new LinkedHashSet<>();
    files.forEach(file -> versions.add(file.version()));
    return Optional.of(new ProjectPage(project, files.stream().map(StoredFile::link).collect(Collectors.toList()), versions));
  }

  private static StoredFile file(final Asset asset, final String metadataSha256) {
    NestedAttributesMap pypi = asset.attributes(P_PYPI);
    String packageType = pypi.get(P_PACKAGE_TYPE, String.class);
    // pypi.org offers core metadata for wheels only: an sdist's PKG-INFO may differ from what building it yields.
    boolean wheel = PackageType.BDIST_WHEEL.formValue().equals(packageType);
    String sha256 = pypi.get(P_SHA256, String.class);
    DistributionLink link = DistributionLink.builder(pypi.get(P_FILENAME, String.class),
            PypiPaths.linkFromProjectPage(asset.path()))
        .hashes(Map.of("sha256", sha256))
        .requiresPython(pypi.get(P_REQUIRES_PYTHON, String.class))
        .yank(yank(pypi))
        .coreMetadata(wheel && metadataSha256 != null ? CoreMetadataRef.sha256(metadataSha256) : null)
        .size(((Number) pypi.get(P_SIZE)).longValue())
        .uploadTime(Instant.parse(pypi.get(P_UPLOAD_TIME, String.class)))
        .build();
    Map<String, String> digests = new HashMap<>();
    digests.put("md5", pypi.get(P_MD5, String.class));
    digests.put("sha256", sha256);
    digests.put("blake2b_256", pypi.get(P_BLAKE2B_256, String.class));
    return new StoredFile(asset.path(), PypiPaths.versionOf(asset.path()).orElseThrow(), link, packageType,
        pypi.get(P_PYTHON_VERSION, String.class), digests);
  }

  private static Yank yank(final NestedAttributesMap pypi) {
    if (!Boolean.TRUE.equals(pypi.get(P_YANKED, Boolean.class))) {
      return null;
    }
    String reason = pypi.get(P_YANKED_REASON, String.class);
    return reason == null ? Yank.WITHOUT_REASON : new Yank(reason);
  }
}
