package io.github.nexuspypi.core.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Gathers what a parser reads into the model, for pages small enough to hold. */
final class PageCollector
    implements ProjectPageSink
{
  private final List<DistributionLink> files = new ArrayList<>();

  private final Set<String> versions = new LinkedHashSet<>();

  @Override
  public void file(final DistributionLink file) {
    files.add(file);
  }

  @Override
  public void version(final String version) {
    versions.add(version);
  }

  ProjectPage toPage(final String name) {
    return new ProjectPage(name, files, versions);
  }
}
