package io.github.nexuspypi.core.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VersionTest
{
  // PEP 440 "Normalization": every alternative spelling and its normal form; the expectations were checked
  // against pypa/packaging 26.2's str(Version(...)).
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1.0.0-ALPHA.1|1.0.0a1",
      "1.1RC1|1.1rc1",
      "1.0a.1|1.0a1",
      "1.1.a1|1.1a1",
      "1.0-a1|1.0a1",
      "1.0_a_1|1.0a1",
      "1.0alpha-1|1.0a1",
      "1.1beta1|1.1b1",
      "1.1c1|1.1rc1",
      "1.1pre1|1.1rc1",
      "1.1preview1|1.1rc1",
      "1.0PREVIEW|1.0rc0",
      "1.2a|1.2a0",
      "1.2-post2|1.2.post2",
      "1.2post2|1.2.post2",
      "1.2.post.2|1.2.post2",
      "1.2_post_2|1.2.post2",
      "1.0-r4|1.0.post4",
      "1.0-rev4|1.0.post4",
      "1.0r|1.0.post0",
      "1.0-1|1.0.post1",
      "1.0a1-2|1.0a1.post2",
      "1.2.post|1.2.post0",
      "1.2-dev2|1.2.dev2",
      "1.2dev2|1.2.dev2",
      "1.2_dev_2|1.2.dev2",
      "1.2.dev|1.2.dev0",
      "1.0-1dev2|1.0.post1.dev2",
      "1.0a1.post2.dev3|1.0a1.post2.dev3",
      "1.0+ubuntu-1|1.0+ubuntu.1",
      "1.0+Ubuntu_01|1.0+ubuntu.1",
      "1.0+1.2.3-a_b|1.0+1.2.3.a.b",
      "1.0-1+local|1.0.post1+local",
      "v1.0|1.0",
      "V1!2.0|1!2.0",
      "0!1.0|1.0",
      "'  1.0\t'|1.0",
      "00.01|0.1",
      "09000|9000",
      "1.0.0.0|1.0.0.0",
      "1.18446744073709551616|1.18446744073709551616"
  })
  void printsTheNormalForm(final String spelling, final String normalForm) throws InvalidVersionException {
    assertEquals(normalForm, Version.parse(spelling).toString());
    assertEquals(Version.parse(normalForm), Version.parse(spelling));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "abc", "1.0-", "1.0+", "1.0+_a", "1.0+a_", "1.0+a..b", "1..0", ".1", "1.0.",
      "1.0 a1", "1.0-1-1", "1.0a1a2", "1.0.post1.post2", "1.0.dev1.dev2", "1.0.dev1a1", "1!", "!1.0", "1!1!1.0",
      "vv1.0", "1.0v", "1.0+\u00fc", "\u0661.\u0660", "1.0/2", "1.0\n2"})
  void rejectsWhatIsNoPep440Version(final String text) {
    InvalidVersionException e = assertThrows(InvalidVersionException.class, () -> Version.parse(text));
    assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    assertEquals(text, e.version());
    assertFalse(Version.isValid(text));
  }

  @Test
  void rejectsNullAndEpochsBeyondAnInt() {
    assertFalse(Version.isValid(null));
    assertThrows(InvalidVersionException.class, () -> Version.parse(null));
    InvalidVersionException e = assertThrows(InvalidVersionException.class, () -> Version.parse("2147483648!1.0"));
    assertTrue(e.getMessage().contains("epoch"), e.getMessage());
  }

  @Test
  void exposesTheParts() throws InvalidVersionException {
    Version v = Version.parse("3!1.18446744073709551616.0rc2.post3.dev4+Ubuntu.01");
    assertEquals(3, v.epoch());
    assertEquals(List.of(BigInteger.ONE, new BigInteger("18446744073709551616"), BigInteger.ZERO), v.release());
    assertEquals(Optional.of("ubuntu.1"), v.local());
    assertEquals("3!1.18446744073709551616.0rc2.post3.dev4", v.publicVersion().toString());
    assertEquals(Optional.empty(), v.publicVersion().local());
  }

  // pypa/packaging's is_prerelease / is_devrelease / is_postrelease, checked against packaging 26.2.
  @ParameterizedTest
  @CsvSource({
      "1.0, false, false, false",
      "1.0a1, true, false, false",
      "1.0rc1.post1, true, false, true",
      "1.0.dev1, true, true, false",
      "1.0.post1.dev1, true, true, true",
      "1.0.post1, false, false, true",
      "1.0+dev, false, false, false"
  })
  void classifiesReleases(final String text, final boolean pre, final boolean dev, final boolean post)
      throws InvalidVersionException
  {
    Version v = Version.parse(text);
    assertEquals(pre, v.isPrerelease());
    assertEquals(dev, v.isDevrelease());
    assertEquals(post, v.isPostrelease());
  }

  /**
   * Ascending: PEP 440's example under "Summary of permitted suffixes and relative ordering", then our own run
   * through epochs, local labels (numbers above words, longer above its prefix) and numbers beyond a long.
   */
  private static final List<String> ASCENDING = List.of(
      "1.dev0", "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2",
      "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0", "1.0+abc.5", "1.0+abc.7", "1.0+5",
      "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1",
      "1.1", "1.1+a", "1.1+a.b", "1.1+a.0", "1.1+a.1", "1.1+b", "1.1+0", "1.1+2", "1.1+10", "1.1+10.a",
      "1.1.post0", "1.1.1", "2.0", "9223372036854775807.0", "9223372036854775808.0",
      "1!0.1.dev0", "1!0.1", "2!0.0");

  @Test
  void ordersAsPep440() throws InvalidVersionException {
    List<Version> versions = new ArrayList<>();
    for (String text : ASCENDING) {
      versions.add(Version.parse(text));
    }
    for (int i = 0; i < versions.size(); i++) {
      for (int j = 0; j < versions.size(); j++) {
        assertEquals(Integer.signum(Integer.compare(i, j)), Integer.signum(versions.get(i).compareTo(versions.get(j))),
            ASCENDING.get(i) + " against " + ASCENDING.get(j));
      }
    }
    List<Version> shuffled = new ArrayList<>(versions);
    Collections.shuffle(shuffled, new Random(440));
    Collections.sort(shuffled);
    assertEquals(versions, shuffled);
  }

  // Spellings of one version: equal, same hash, and ordered equal (trailing zeros and spelling do not count).
  @ParameterizedTest
  @CsvSource({
      "1.0, 1.0.0", "1, 1.0.0.0", "1.0a1, 1.0ALPHA-1", "1.0rc1, 1.0c1", "1.0.post1, 1.0-1", "1.0.post1, 1.0rev1",
      "0!1.0, v1.0", "1.0+ubuntu.1, 1.0+Ubuntu-01", "1.0.dev0, 1.0-dev", "1.01.0, 1.1"
  })
  void equalSpellingsAreEqual(final String a, final String b) throws InvalidVersionException {
    Version x = Version.parse(a);
    Version y = Version.parse(b);
    assertEquals(x, y);
    assertEquals(x.hashCode(), y.hashCode());
    assertEquals(0, x.compareTo(y));
  }

  @ParameterizedTest
  @CsvSource({"1.0, 1.0+1", "1.0, 1.0.post0", "1.0, 1.0.dev0", "1.0, 1!1.0", "1.0+a, 1.0+a.0", "1.0a0, 1.0b0"})
  void differentVersionsDiffer(final String a, final String b) throws InvalidVersionException {
    assertNotEquals(Version.parse(a), Version.parse(b));
  }
}
