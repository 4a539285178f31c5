package io.github.nexuspypi.repository.pypi.rest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code {"reason": "..."}}: why the release is yanked, shown to pip users who still install it. May be omitted.
 */
public class YankRequest
{
  private final String reason;

  @JsonCreator
  public YankRequest(@JsonProperty("reason") final String reason) {
    this.reason = reason;
  }

  public String getReason() {
    return reason;
  }
}
