package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.filename.InvalidFilenameException;
import io.github.nexuspypi.core.filename.PackageType;
import io.github.nexuspypi.core.index.CoreMetadataRef;
import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPageSink;
import io.github.nexuspypi.core.index.SimpleJsonParser;
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
   * Whether the proxy keeps a file of an upstream page: only files whose names are wheel or sdist names. Anything
   * else (a name with a query, a path or markup in it, a file of any other kind) is no distribution: a hostile or
   * broken upstream must neither choose where the proxy writes nor have it fetch and serve whatever a URL holds.
   */
  static boolean isKept(final DistributionLink upstream) {
    return parse(upstream.filename()).isPresent();
  }

  /** A kept file as clients see it: a link into the proxy, core metadata offered for every wheel. */
  static DistributionLink forClients(final String project, final DistributionLink kept) {
    DistributionLink.Builder proxied = kept.toBuilder()
        .url(PypiPaths.linkFromProjectPage(filePath(project, kept.filename())));
    if (kept.coreMetadata() == null && isWheel(kept.filename())) {
      // The proxy extracts a wheel's METADATA itself when upstream offers none, so it can always offer it.
      proxied.coreMetadata(CoreMetadataRef.WITHOUT_HASH);
    }
    return proxied.build();
  }

  /** Where the proxy serves and keeps a file of a project. */
  static String filePath(final String project, final String filename) {
    return PypiPaths.distribution(project, versionOf(filename).orElse(NO_VERSION), filename);
  }

  /** The first file of that name on a kept page, read as it streams: a page of any size is never held. */
  static Optional<DistributionLink> find(final InputStream kept, final String filename) throws IOException {
    return Optional.ofNullable(findAll(kept, Set.of(filename)).get(filename));
  }

  /** The first file of each of those names on a kept page, in one pass as it streams. */
  static Map<String, DistributionLink> findAll(final InputStream kept, final Set<String> filenames)
      throws IOException
  {
    Map<String, DistributionLink> found = new HashMap<>();
    SimpleJsonParser.readProject(kept, null, new ProjectPageSink()
    {
      @Override
      public void file(final DistributionLink file) {
        if (filenames.contains(file.filename())) {
          found.putIfAbsent(file.filename(), file);
        }
      }

      @Override
      public void version(final String version) {
        // Not what is looked for.
      }
    });
    return found;
  }

  static boolean isWheel(final String filename) {
    return parse(filename).map(name -> name.packageType() == PackageType.BDIST_WHEEL).orElse(false);
  }

  static Optional<String> versionOf(final String filename) {
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
