package io.github.nexuspypi.core.retention;

import java.time.Duration;

/**
 * What an admin asks retention to keep.
 *
 * @param keepFinal         how many of a project's newest final releases (post-releases count as final) are kept
 * @param grace             how long a pre- or development release older than the newest final release stays, and
 *                          how long a download keeps any release
 * @param deleteLastRelease whether a project may lose every release; if not, its highest one stays
 */
public record RetentionRules(int keepFinal, Duration grace, boolean deleteLastRelease)
{
  public RetentionRules {
    if (keepFinal < 0) {
      throw new IllegalArgumentException("The number of final releases to keep must be 0 or more, not " + keepFinal
          + ".");
    }
    if (grace == null || grace.isNegative()) {
      throw new IllegalArgumentException("The number of days must be 0 or more.");
    }
  }

  public static RetentionRules ofDays(final int keepFinal, final int days, final boolean deleteLastRelease) {
    if (days < 0) {
      throw new IllegalArgumentException("The number of days must be 0 or more, not " + days + ".");
    }
    return new RetentionRules(keepFinal, Duration.ofDays(days), deleteLastRelease);
  }
}
