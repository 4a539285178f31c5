package io.github.nexuspypi.core.index;

import java.util.Objects;

import io.github.nexuspypi.core.name.ProjectName;

/** One project on the root page: its display name, as the anchor text and the JSON {@code name} carry it. */
public record ProjectListEntry(String name)
{
  public ProjectListEntry {
    Objects.requireNonNull(name, "name");
  }

  /** The name under which the project's page lives: {@code /simple/<normalizedName>/}. */
  public String normalizedName() {
    return ProjectName.normalize(name);
  }
}
