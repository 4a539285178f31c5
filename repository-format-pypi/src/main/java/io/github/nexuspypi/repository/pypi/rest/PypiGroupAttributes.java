package io.github.nexuspypi.repository.pypi.rest;

import io.github.nexuspypi.repository.pypi.internal.group.GroupSettings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A PyPI group's own settings in the REST API: {@code "pypi": {"dependencyConfusionGuard": true}}.
 */
public class PypiGroupAttributes
{
  private final GroupSettings settings;

  @JsonCreator
  public PypiGroupAttributes(@JsonProperty("dependencyConfusionGuard") final Boolean dependencyConfusionGuard) {
    this(GroupSettings.of(dependencyConfusionGuard));
  }

  public PypiGroupAttributes(final GroupSettings settings) {
    this.settings = settings;
  }

  public boolean getDependencyConfusionGuard() {
    return settings.guard();
  }

  public GroupSettings settings() {
    return settings;
  }
}
