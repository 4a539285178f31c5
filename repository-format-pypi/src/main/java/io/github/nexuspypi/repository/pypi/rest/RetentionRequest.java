package io.github.nexuspypi.repository.pypi.rest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A retention pass's options, as the scheduled task's form has them: {@code keepFinalReleases} and {@code days} are
 * required (a deleting call states what it keeps), the rest default to false and every project.
 */
public class RetentionRequest
{
  private final Integer keepFinalReleases;

  private final Integer days;

  private final String projectPattern;

  private final boolean deleteLastRelease;

  private final boolean dryRun;

  @JsonCreator
  public RetentionRequest(@JsonProperty("keepFinalReleases") final Integer keepFinalReleases,
                          @JsonProperty("days") final Integer days,
                          @JsonProperty("projectPattern") final String projectPattern,
                          @JsonProperty("deleteLastRelease") final Boolean deleteLastRelease,
                          @JsonProperty("dryRun") final Boolean dryRun)
  {
    this.keepFinalReleases = keepFinalReleases;
    this.days = days;
    this.projectPattern = projectPattern;
    this.deleteLastRelease = Boolean.TRUE.equals(deleteLastRelease);
    this.dryRun = Boolean.TRUE.equals(dryRun);
  }

  public Integer getKeepFinalReleases() {
    return keepFinalReleases;
  }

  public Integer getDays() {
    return days;
  }

  public String getProjectPattern() {
    return projectPattern;
  }

  public boolean isDeleteLastRelease() {
    return deleteLastRelease;
  }

  public boolean isDryRun() {
    return dryRun;
  }
}
