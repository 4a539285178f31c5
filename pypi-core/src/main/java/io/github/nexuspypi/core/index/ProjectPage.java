package io.github.nexuspypi.core.index;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.github.nexuspypi.core.name.ProjectName;

/**
 * One project's page of the simple repository API, independent of its HTML or JSON form.
 *
 * @param name     the normalised project name (PEP 691 JSON {@code name}); normalised here whatever is passed
 * @param files    the distribution files, in page order
 * @param versions PEP 700's set of every uploaded version, in insertion order; empty when the page came from HTML,
 *                 which does not carry it
 */
public record ProjectPage(String name, List<DistributionLink> files, Set<String> versions)
{
  public ProjectPage {
    name = ProjectName.normalize(Objects.requireNonNull(name, "name"));
    files = List.copyOf(files);
    versions = Collections.unmodifiableSet(new LinkedHashSet<>(versions));
  }

  /** Whether every file has a size: PEP 700 makes {@code size} mandatory from API version 1.1. */
  public boolean allSizesKnown() {
    return files.stream().allMatch(file -> file.size() != null);
  }
}
