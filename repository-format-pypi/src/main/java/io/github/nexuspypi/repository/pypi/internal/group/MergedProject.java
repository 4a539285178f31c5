package io.github.nexuspypi.repository.pypi.internal.group;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.repository.pypi.internal.index.IndexPageRenderer;
import io.github.nexuspypi.repository.pypi.internal.index.RenderedPage;

/**
 * A group's page of a project: its members' pages merged in member order, the first member to list a file name
 * keeping it, and which member each file comes from, so that the file is fetched from that member.
 */
final class MergedProject
{
  // What a listed file costs in memory, roughly: its link in the model and in both renderings.
  private static final int BYTES_PER_FILE = 1500;

  private final ProjectPage page;

  private final Map<String, String> memberByFilename;

  private final List<String> servedBy;

  private final Instant mergedAt;

  private final ConcurrentMap<SimpleFormat, RenderedPage> rendered = new ConcurrentHashMap<>();

  private MergedProject(final ProjectPage page, final Map<String, String> memberByFilename,
                        final List<String> servedBy, final Instant mergedAt)
  {
    this.page = page;
    this.memberByFilename = memberByFilename;
    this.servedBy = servedBy;
    this.mergedAt = mergedAt;
  }

  /** @param pages the members' pages of one project, in member order; none when no member holds it */
  static Optional<MergedProject> of(final List<MemberPage> pages) {
    if (pages.isEmpty()) {
      return Optional.empty();
    }
    Map<String, DistributionLink> files = new LinkedHashMap<>();
    Map<String, String> memberByFilename = new LinkedHashMap<>();
    Set<String> versions = new LinkedHashSet<>();
    List<String> servedBy = new ArrayList<>();
    for (MemberPage member : pages) {
      servedBy.add(member.member());
      versions.addAll(member.page().versions());
      for (DistributionLink file : member.page().files()) {
        if (files.putIfAbsent(file.filename(), file) == null) {
          memberByFilename.put(file.filename(), member.member());
        }
      }
    }
    ProjectPage merged = new ProjectPage(pages.get(0).page().name(), new ArrayList<>(files.values()), versions);
    return Optional.of(new MergedProject(merged, memberByFilename, List.copyOf(servedBy), Instant.now()));
  }

  ProjectPage page() {
    return page;
  }

  /** The member whose file the group lists under this name. */
  Optional<String> memberOf(final String filename) {
    return Optional.ofNullable(memberByFilename.get(filename));
  }

  /** The members whose pages were merged, in member order. */
  List<String> servedBy() {
    return servedBy;
  }

  RenderedPage rendered(final SimpleFormat format) {
    return rendered.computeIfAbsent(format, this::render);
  }

  int weight() {
    return 256 + page.files().size() * BYTES_PER_FILE;
  }

  private RenderedPage render(final SimpleFormat format) {
    try {
      return IndexPageRenderer.project(page, format, mergedAt);
    }
    catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
