package io.github.nexuspypi.repository.pypi.internal.importer;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.nexuspypi.core.name.ProjectName;

/**
 * Which projects an import takes: all of them (nothing given, or {@code *}), the ones named (separated by commas or
 * spaces, in any spelling of their names), or those whose normalised name matches a pattern with {@code *} and
 * {@code ?} ({@code acme-*}).
 */
final class ProjectFilter
{
  private final Predicate<String> admits;

  private final Optional<Set<String>> names;

  private ProjectFilter(final Predicate<String> admits, final Optional<Set<String>> names) {
    this.admits = admits;
    this.names = names;
  }

  static ProjectFilter parse(final String text) {
    String spec = text == null ? "" : text.strip();
    if (spec.isEmpty() || spec.equals("*")) {
      return new ProjectFilter(project -> true, Optional.empty());
    }
    if (spec.contains("*") || spec.contains("?")) {
      Pattern pattern = Pattern.compile(Arrays.stream(spec.toLowerCase().split(""))
          .map(c -> c.equals("*") ? ".*" : c.equals("?") ? "." : Pattern.quote(c))
          .collect(Collectors.joining()));
      return new ProjectFilter(project -> pattern.matcher(project).matches(), Optional.empty());
    }
    Set<String> named = Arrays.stream(spec.split("[,\\s]+"))
        .filter(name -> !name.isEmpty())
        .map(ProjectName::normalize)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
    return new ProjectFilter(named::contains, Optional.of(named));
  }

  /** @param project a normalised name */
  boolean admits(final String project) {
    return admits.test(project);
  }

  /** The normalised names, when the filter names its projects rather than matching them. */
  Optional<Set<String>> names() {
    return names;
  }
}
