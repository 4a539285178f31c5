package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.filename.InvalidFilenameException;
import io.github.nexuspypi.core.filename.PackageType;
import io.github.nexuspypi.core.index.CoreMetadataRef;
import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.version.Version;
import io.github.nexuspypi.repository.pypi.internal.PypiPaths;

/**
 * Maps an upstream page onto the proxy: which of its files the proxy serves and where, and the page clients see,
 * whose links lead back into the proxy while the upstream URL of each file stays in the cached page.
 */
final class ProxiedLinks
{
  /** The folder of files whose names tell no version (ancient uploads): no PEP 440 version spells so. */
  static final String NO_VERSION = "unknown";

  private ProxiedLinks() {
  }

  /**
   * The upstream page as the proxy keeps it: named for the project asked for, with only the files whose names are
   * wheel or sdist names. Anything else (a name with a query, a path or markup in it, a file of any other kind) is
   * no distribution: a hostile or broken upstream must neither choose where the proxy writes nor have it fetch and
   * serve whatever a URL holds.
   */
  static ProjectPage kept(final String project, final ProjectPage upstream) {
    List<DistributionLink> safe = upstream.files().stream()
        .filter(link -> parse(link.filename()).isPresent())
        .collect(Collectors.toList());
    return new ProjectPage(project, safe, upstream.versions());
  }

  /** The page clients see: links into the proxy, core metadata offered for every wheel. */
  static ProjectPage forClients(final ProjectPage kept) {
    Set<String> versions = new LinkedHashSet<>(kept.versions());
    List<DistributionLink> links = kept.files().stream().map(link -> {
      if (kept.versions().isEmpty()) {
        versionOf(link.filename()).ifPresent(versions::add);
      }
      DistributionLink.Builder proxied = link.toBuilder()
          .url(PypiPaths.linkFromProjectPage(filePath(kept.name(), link.filename())));
      if (link.coreMetadata() == null && isWheel(link.filename())) {
        // The proxy extracts a wheel's METADATA itself when upstream offers none, so it can always offer it.
        proxied.coreMetadata(CoreMetadataRef.WITHOUT_HASH);
      }
      return proxied.build();
    }).collect(Collectors.toList());
    return new ProjectPage(kept.name(), links, versions);
  }

  /** Where the proxy serves and keeps a file of a project. */
  static String filePath(final String project, final String filename) {
    return PypiPaths.distribution(project, versionOf(filename).orElse(NO_VERSION), filename);
  }

  static Optional<DistributionLink> find(final ProjectPage kept, final String filename) {
    return kept.files().stream().filter(link -> link.filename().equals(filename)).findFirst();
  }

  static boolean isWheel(final String filename) {
    return parse(filename).map(name -> name.packageType() == PackageType.BDIST_WHEEL).orElse(false);
  }

  private static Optional<String> versionOf(final String filename) {
    return parse(filename).map(name -> Version.tryParse(name.version()).map(Version::toString)
        .orElse(name.version()));
  }

  private static Optional<DistributionFilename> parse(final String filename) {
    try {
      return Optional.of(DistributionFilename.parse(filename));
    }
    catch (InvalidFilenameException e) {
      return Optional.empty();
    }
  }
}
