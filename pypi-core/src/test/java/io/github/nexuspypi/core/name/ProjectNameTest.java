package io.github.nexuspypi.core.name;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectNameTest
{
  // The spellings of PEP 503 "Normalized Names" and the packaging specification's examples.
  @ParameterizedTest
  @CsvSource({
      "friendly-bard, friendly-bard",
      "Friendly-Bard, friendly-bard",
      "FRIENDLY-BARD, friendly-bard",
      "friendly.bard, friendly-bard",
      "friendly_bard, friendly-bard",
      "friendly--bard, friendly-bard",
      "FrIeNdLy-._.-bArD, friendly-bard",
      "zope.interface, zope-interface"
  })
  void normalizesAsPep503(final String name, final String expected) {
    assertEquals(expected, ProjectName.normalize(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "A1", "foo.bar", "foo-bar_baz", "Zope.Interface", "0"})
  void acceptsValidNames(final String name) {
    assertTrue(ProjectName.isValid(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-foo", "foo-", "foo bar", "../x", "foo/bar", "ünïcode", "foo.", "_foo"})
  void rejectsInvalidNames(final String name) {
    assertFalse(ProjectName.isValid(name));
  }

  @ParameterizedTest
  @CsvSource({"Foo.Bar, foo_bar", "zope-interface, zope_interface", "pip, pip"})
  void fileNamePrefixUsesUnderscores(final String name, final String expected) {
    assertEquals(expected, ProjectName.fileNamePrefix(name));
  }

  @ParameterizedTest
  @CsvSource({"foo-bar, true", "Foo-bar, false", "foo_bar, false", "foo.bar, false"})
  void tellsWhetherNormalized(final String name, final boolean expected) {
    assertEquals(expected, ProjectName.isNormalized(name));
  }
}
