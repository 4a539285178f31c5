package io.github.nexuspypi.core.retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.github.nexuspypi.core.version.Version;

/**
 * Which releases of one project retention deletes: everything but the newest final releases, and the pre- and
 * development releases that are older (by PEP 440, not by date) than the newest final release once they were
 * uploaded longer ago than the grace period. A release downloaded within the grace period always stays, and the
 * project keeps its highest release unless the rules allow deleting the last one.
 */
public final class RetentionPlan
{
  private final List<ReleaseVerdict> verdicts;

  private RetentionPlan(final List<ReleaseVerdict> verdicts) {
    this.verdicts = List.copyOf(verdicts);
  }

  public static RetentionPlan of(final Collection<StoredRelease> releases, final RetentionRules rules,
                                 final Instant now)
  {
    Instant graceStart = now.minus(rules.grace());
    List<StoredRelease> highestFirst = new ArrayList<>(releases);
    highestFirst.sort(Comparator.comparing(StoredRelease::version).reversed());
    Optional<Version> newestFinal = highestFirst.stream().map(StoredRelease::version)
        .filter(version -> !version.isPrerelease()).findFirst();

    List<ReleaseVerdict> verdicts = new ArrayList<>();
    int finalsSeen = 0;
    for (StoredRelease release : highestFirst) {
      Version version = release.version();
      String deleteReason;
      if (!version.isPrerelease()) {
        finalsSeen++;
        deleteReason = finalsSeen > rules.keepFinal()
            ? "older than the " + rules.keepFinal() + " newest final releases" : null;
      }
      else if (newestFinal.isEmpty() || version.compareTo(newestFinal.get()) > 0) {
        deleteReason = null;
      }
      else {
        deleteReason = release.uploaded().isAfter(graceStart) ? null
            : "a pre-release older than the final release " + newestFinal.get() + ", uploaded "
                + days(rules) + " ago or more";
      }
      if (deleteReason != null && release.lastDownloaded().filter(graceStart::isBefore).isPresent()) {
        verdicts.add(new ReleaseVerdict(version, false, "downloaded within the last " + days(rules)));
      }
      else if (deleteReason != null) {
        verdicts.add(new ReleaseVerdict(version, true, deleteReason));
      }
      else {
        verdicts.add(new ReleaseVerdict(version, false, keptReason(version, finalsSeen, newestFinal, rules)));
      }
    }
    if (!rules.deleteLastRelease() && !verdicts.isEmpty() && verdicts.stream().allMatch(ReleaseVerdict::delete)) {
      verdicts.set(0, new ReleaseVerdict(verdicts.get(0).version(), false, "the project's last release"));
    }
    return new RetentionPlan(verdicts);
  }

  private static String keptReason(final Version version, final int finalsSeen, final Optional<Version> newestFinal,
                                   final RetentionRules rules)
  {
    if (!version.isPrerelease()) {
      return "final release " + finalsSeen + " of the " + rules.keepFinal() + " newest";
    }
    if (newestFinal.isEmpty() || version.compareTo(newestFinal.get()) > 0) {
      return newestFinal.map(v -> "a pre-release newer than the final release " + v)
          .orElse("a pre-release of a project without final releases");
    }
    return "a pre-release uploaded less than " + days(rules) + " ago";
  }

  private static String days(final RetentionRules rules) {
    long days = rules.grace().toDays();
    return days == 1 ? "1 day" : days + " days";
  }

  /** Every release, highest version first. */
  public List<ReleaseVerdict> verdicts() {
    return verdicts;
  }

  public List<Version> toDelete() {
    return verdicts.stream().filter(ReleaseVerdict::delete).map(ReleaseVerdict::version).toList();
  }
}
