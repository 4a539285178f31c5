package io.github.nexuspypi.repository.pypi.rest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A PyPI group's own settings in the REST API: {@code "pypi": {"dependencyConfusionGuard": true}}.
 */
public class PypiGroupAttributes
{
  private final boolean dependencyConfusionGuard;

  /** @param dependencyConfusionGuard on when not given */
  @JsonCreator
  public PypiGroupAttributes(@JsonProperty("dependencyConfusionGuard") final Boolean dependencyConfusionGuard) {
    this.dependencyConfusionGuard = dependencyConfusionGuard == null || dependencyConfusionGuard;
  }

  public boolean getDependencyConfusionGuard() {
    return dependencyConfusionGuard;
  }
}
