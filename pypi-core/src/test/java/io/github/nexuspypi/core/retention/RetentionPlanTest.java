package io.github.nexuspypi.core.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.github.nexuspypi.core.version.Version;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionPlanTest
{
  private static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");

  private static final Instant LONG_AGO = NOW.minus(Duration.ofDays(365));

  // Every release uploaded a year ago and never downloaded: only the version rules decide.
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1.0 2.0 3.0                     | 2 | 30 | 1.0",
      "3.0 1.0 2.0                     | 2 | 30 | 1.0",
      "1.9 1.10 1.2                    | 1 | 30 | 1.9 1.2",
      "1.0 1.0.post1 1.1               | 2 | 30 | 1.0",
      "1!0.1 2.0 3.0                   | 1 | 30 | 3.0 2.0",
      "1.0 1.0+local 0.9               | 1 | 30 | 1.0 0.9",
      "1.0 2.0                         | 5 | 30 | ''",
      "1.0a1 1.0 2.0b1                 | 1 | 30 | 1.0a1",
      "1.0 1.1.dev3 1.1rc1             | 1 | 30 | ''",
      "1.0 2.0 1.5rc1 2.1.dev1         | 1 | 30 | 1.5rc1 1.0",
      "0.1a1 0.2b1 0.3.dev0            | 1 | 30 | ''",
      "1.0 2.0.dev1 2.0                | 3 | 30 | 2.0.dev1",
      "1.0 2.0                         | 0 | 30 | 1.0",
      "1.0rc1 1.0 1.1                  | 0 | 30 | 1.0 1.0rc1",
      "1.0 1.1a1                       | 0 | 30 | 1.0",
      "''                              | 1 | 30 | ''"
  })
  void deletesByVersionOrder(final String versions, final int keep, final int days, final String deleted) {
    List<StoredRelease> releases = words(versions).stream()
        .map(version -> new StoredRelease(version(version), LONG_AGO, Optional.empty())).toList();

    RetentionPlan plan = RetentionPlan.of(releases, RetentionRules.ofDays(keep, days, false), NOW);

    assertEquals(words(deleted).stream().map(RetentionPlanTest::version).toList(), plan.toDelete());
    assertEquals(releases.size(), plan.verdicts().size());
  }

  @Test
  void ordersByVersionNotByUploadTime() {
    // 2.0 was uploaded after 3.0 (a backport): 3.0 is still the newest release.
    List<StoredRelease> releases = List.of(
        release("3.0", NOW.minus(Duration.ofDays(10))),
        release("2.0", NOW.minus(Duration.ofDays(1))));

    assertEquals(List.of(version("2.0")), RetentionPlan.of(releases, RetentionRules.ofDays(1, 30, false), NOW)
        .toDelete());
  }

  @Test
  void aPreReleaseOlderThanTheNewestFinalStaysForTheGracePeriod() {
    RetentionRules sevenDays = RetentionRules.ofDays(5, 7, false);
    List<StoredRelease> releases = List.of(
        release("2.0", NOW),
        release("2.0rc1", NOW.minus(Duration.ofDays(7)).plusSeconds(1)),
        release("2.0b1", NOW.minus(Duration.ofDays(7))),
        release("1.0.dev5", NOW.minus(Duration.ofDays(8))));

    RetentionPlan plan = RetentionPlan.of(releases, sevenDays, NOW);

    assertEquals(versions("2.0b1", "1.0.dev5"), plan.toDelete());
    assertEquals("a pre-release uploaded less than 7 days ago", verdict(plan, "2.0rc1").reason());
    assertEquals("a pre-release older than the final release 2.0, uploaded 7 days ago or more",
        verdict(plan, "2.0b1").reason());
  }

  @Test
  void aGraceOfZeroDropsOldPreReleasesAtOnce() {
    List<StoredRelease> releases = List.of(release("1.0", NOW), release("1.0rc1", NOW), release("1.1a1", NOW));

    assertEquals(versions("1.0rc1"), RetentionPlan.of(releases, RetentionRules.ofDays(1, 0, false), NOW)
        .toDelete());
  }

  @Test
  void aReleaseDownloadedWithinTheGracePeriodStays() {
    List<StoredRelease> releases = List.of(
        release("4.0", LONG_AGO),
        downloaded("3.0", NOW.minus(Duration.ofDays(2))),
        downloaded("2.0", NOW.minus(Duration.ofDays(3))),
        downloaded("1.0rc1", NOW.minus(Duration.ofHours(1))),
        downloaded("0.9rc1", NOW.minus(Duration.ofDays(30))));

    RetentionPlan plan = RetentionPlan.of(releases, RetentionRules.ofDays(1, 3, false), NOW);

    assertEquals(versions("2.0", "0.9rc1"), plan.toDelete());
    assertEquals("downloaded within the last 3 days", verdict(plan, "3.0").reason());
    assertEquals("downloaded within the last 3 days", verdict(plan, "1.0rc1").reason());
  }

  @Test
  void aGraceOfZeroProtectsNoDownload() {
    List<StoredRelease> releases = List.of(release("2.0", NOW), downloaded("1.0", NOW));

    assertEquals(versions("1.0"), RetentionPlan.of(releases, RetentionRules.ofDays(1, 0, false), NOW).toDelete());
  }

  @Test
  void theLastReleaseStaysUnlessAllowed() {
    List<StoredRelease> releases = List.of(release("1.0", LONG_AGO), release("2.0", LONG_AGO),
        release("1.5rc1", LONG_AGO));

    RetentionPlan kept = RetentionPlan.of(releases, RetentionRules.ofDays(0, 0, false), NOW);
    assertEquals(versions("1.5rc1", "1.0"), kept.toDelete());
    assertEquals("the project's last release", verdict(kept, "2.0").reason());

    assertEquals(versions("2.0", "1.5rc1", "1.0"),
        RetentionPlan.of(releases, RetentionRules.ofDays(0, 0, true), NOW).toDelete());
  }

  @Test
  void aProjectWithADownloadedReleaseKeepsItsHighestToo() {
    // One release is kept anyway, so the last-release rule keeps nothing more.
    List<StoredRelease> releases = List.of(release("2.0", LONG_AGO), downloaded("1.0", NOW));

    assertEquals(versions("2.0"), RetentionPlan.of(releases, RetentionRules.ofDays(0, 1, false), NOW).toDelete());
  }

  @Test
  void everyReleaseHasAVerdictHighestFirst() {
    List<StoredRelease> releases = new ArrayList<>(List.of(release("1.0", LONG_AGO), release("3.0", LONG_AGO),
        release("2.0", LONG_AGO), release("3.1a1", LONG_AGO)));
    Collections.shuffle(releases);

    RetentionPlan plan = RetentionPlan.of(releases, RetentionRules.ofDays(2, 1, false), NOW);

    assertEquals(versions("3.1a1", "3.0", "2.0", "1.0"),
        plan.verdicts().stream().map(ReleaseVerdict::version).toList());
    assertEquals("a pre-release newer than the final release 3.0", verdict(plan, "3.1a1").reason());
    assertEquals("final release 2 of the 2 newest", verdict(plan, "2.0").reason());
    assertEquals("older than the 2 newest final releases", verdict(plan, "1.0").reason());
  }

  // Exhaustive over small projects: the rules' promises hold for every combination of versions and options.
  @Test
  void promisesHoldForEveryCombination() {
    List<String> pool = List.of("0.9", "1.0a1", "1.0", "1.0.post1", "1.1.dev1", "1.1rc1", "2.0");
    for (int mask = 0; mask < 1 << pool.size(); mask++) {
      List<StoredRelease> releases = new ArrayList<>();
      for (int i = 0; i < pool.size(); i++) {
        if ((mask & 1 << i) != 0) {
          releases.add(i % 2 == 0 ? release(pool.get(i), LONG_AGO) : downloaded(pool.get(i), NOW.minusSeconds(60)));
        }
      }
      for (int keep = 0; keep <= 3; keep++) {
        for (boolean lastMayGo : new boolean[]{false, true}) {
          for (int days : new int[]{0, 1}) {
            checkPromises(releases, RetentionRules.ofDays(keep, days, lastMayGo));
          }
        }
      }
    }
  }

  private static void checkPromises(final List<StoredRelease> releases, final RetentionRules rules) {
    RetentionPlan plan = RetentionPlan.of(releases, rules, NOW);
    List<Version> deleted = plan.toDelete();
    List<Version> finals = releases.stream().map(StoredRelease::version).filter(v -> !v.isPrerelease()).sorted(
        Collections.reverseOrder()).toList();
    String what = releases.stream().map(r -> r.version().toString()).collect(Collectors.joining(" ")) + " " + rules;
    for (Version kept : finals.subList(0, Math.min(rules.keepFinal(), finals.size()))) {
      assertTrue(!deleted.contains(kept), what);
    }
    Optional<Version> newestFinal = finals.stream().findFirst();
    for (StoredRelease release : releases) {
      Version version = release.version();
      boolean newerThanFinals = newestFinal.isEmpty() || version.compareTo(newestFinal.get()) > 0;
      if (version.isPrerelease() && newerThanFinals) {
        assertTrue(!deleted.contains(version), what);
      }
      if (rules.grace().toDays() > 0 && release.lastDownloaded().isPresent()) {
        assertTrue(!deleted.contains(version), what);
      }
    }
    if (!rules.deleteLastRelease() && !releases.isEmpty()) {
      assertTrue(deleted.size() < releases.size(), what);
    }
  }

  @Test
  void refusesNegativeRules() {
    assertThrows(IllegalArgumentException.class, () -> RetentionRules.ofDays(-1, 1, false));
    assertThrows(IllegalArgumentException.class, () -> RetentionRules.ofDays(1, -1, false));
  }

  private static StoredRelease release(final String version, final Instant uploaded) {
    return new StoredRelease(version(version), uploaded, Optional.empty());
  }

  private static StoredRelease downloaded(final String version, final Instant when) {
    return new StoredRelease(version(version), LONG_AGO, Optional.of(when));
  }

  private static ReleaseVerdict verdict(final RetentionPlan plan, final String version) {
    return plan.verdicts().stream().filter(v -> v.version().equals(version(version))).findFirst()
        .orElseThrow();
  }

  private static List<Version> versions(final String... versions) {
    return Arrays.stream(versions).map(RetentionPlanTest::version).toList();
  }

  private static Version version(final String text) {
    return Version.tryParse(text).orElseThrow();
  }

  private static List<String> words(final String text) {
    return text == null || text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
  }
}
