package io.github.nexuspypi.repository.pypi.internal.importer;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectFilterTest
{
  @Test
  void nothingOrAStarTakesEveryProject() {
    for (String spec : new String[] {null, "", "  ", "*"}) {
      ProjectFilter filter = ProjectFilter.parse(spec);
      assertTrue(filter.admits("anything"));
      assertEquals(Optional.empty(), filter.names());
    }
  }

  @Test
  void namesAreTakenInAnySpellingAndSeparatedByCommasOrSpaces() {
    ProjectFilter filter = ProjectFilter.parse("Tiny.Demo, other_one  third");

    assertEquals(Optional.of(Set.of("tiny-demo", "other-one", "third")), filter.names());
    assertTrue(filter.admits("tiny-demo"));
    assertFalse(filter.admits("tiny"));
  }

  @Test
  void aPatternMatchesNormalisedNamesWholeAndHasNoRegexMeaningOtherwise() {
    ProjectFilter filter = ProjectFilter.parse("Acme-*.?");

    assertEquals(Optional.empty(), filter.names());
    assertTrue(filter.admits("acme-tools.x"));
    assertFalse(filter.admits("acme-toolsxx"), "the dot is a dot, not any character");
    assertFalse(filter.admits("not-acme-tools.x"));
  }
}
