package io.github.nexuspypi.repository.pypi.internal;

import java.util.Locale;

import org.sonatype.nexus.repository.view.ContentTypes;

/**
 * The type a distribution file is stored and served as, from its name, whether it was uploaded or fetched: wheels
 * and zip sdists are zip archives, tar.gz sdists gzip, the rest (ancient eggs and installers) plain bytes.
 */
public final class DistributionContentTypes
{
  private DistributionContentTypes() {
  }

  public static String of(final String filename) {
    String name = filename.toLowerCase(Locale.ROOT);
    if (name.endsWith(".whl") || name.endsWith(".zip")) {
      return ContentTypes.APPLICATION_ZIP;
    }
    if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
      return ContentTypes.APPLICATION_GZIP;
    }
    return PypiPaths.isMetadata(name) ? ContentTypes.TEXT_PLAIN : ContentTypes.APPLICATION_OCTET_STREAM;
  }
}
