package io.github.nexuspypi.core.index;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelTest
{
  @Test
  void projectPageHoldsTheNormalisedName() {
    assertEquals("zope-interface", new ProjectPage("Zope.Interface", List.of(), Set.of()).name());
  }

  @Test
  void projectPageKeepsVersionOrderAndCopies() {
    List<String> versions = new java.util.ArrayList<>(List.of("2.0", "1.0", "1.5"));
    ProjectPage page = new ProjectPage("x", List.of(), new java.util.LinkedHashSet<>(versions));
    assertEquals(versions, List.copyOf(page.versions()));
    assertThrows(UnsupportedOperationException.class, () -> page.versions().add("3.0"));
  }

  @Test
  void projectPageKnowsWhetherEverySizeIsKnown() {
    DistributionLink sized = DistributionLink.builder("a", "a").size(1L).build();
    DistributionLink unsized = DistributionLink.builder("b", "b").build();
    assertTrue(new ProjectPage("x", List.of(sized), Set.of()).allSizesKnown());
    assertFalse(new ProjectPage("x", List.of(sized, unsized), Set.of()).allSizesKnown());
  }

  @Test
  void withUrlChangesOnlyTheUrl() {
    DistributionLink upstream = DistributionLink.builder("a-1.0.tar.gz", "https://files.example/a-1.0.tar.gz")
        .hashes(Map.of("sha256", "ab"))
        .requiresPython(">=3")
        .yank(new Yank("r"))
        .coreMetadata(CoreMetadataRef.WITHOUT_HASH)
        .size(3L)
        .uploadTime(Instant.EPOCH)
        .gpgSig(true)
        .build();

    DistributionLink proxied = upstream.withUrl("../../packages/a/1.0/a-1.0.tar.gz");

    assertEquals("../../packages/a/1.0/a-1.0.tar.gz", proxied.url());
    assertEquals(upstream, proxied.withUrl(upstream.url()));
  }

  @Test
  void linkCopiesItsHashes() {
    Map<String, String> hashes = new HashMap<>(Map.of("sha256", "ab"));
    DistributionLink link = DistributionLink.builder("a", "a").hashes(hashes).build();
    hashes.put("md5", "cd");
    assertEquals(Map.of("sha256", "ab"), link.hashes());
    assertEquals(Map.of(), DistributionLink.builder("a", "a").hashes(null).build().hashes());
  }

  @Test
  void linkNeedsFilenameAndUrl() {
    assertThrows(NullPointerException.class, () -> DistributionLink.builder(null, "a").build());
    assertThrows(NullPointerException.class, () -> DistributionLink.builder("a", null).build());
  }

  @Test
  void yankWithoutReasonHasTheEmptyOne() {
    assertEquals(Yank.WITHOUT_REASON, new Yank(null));
    assertFalse(Yank.WITHOUT_REASON.hasReason());
    assertTrue(new Yank("bad").hasReason());
  }

  // PEP 658's attribute values.
  @ParameterizedTest
  @CsvSource({"true, ''", "TRUE, ''", "'', ''", "sha256=ABcd, sha256=abcd", "=x, ''", "sha256=, ''", "garbage, ''"})
  void readsTheMetadataAttribute(final String value, final String hash) {
    Map<String, String> expected = hash.isEmpty() ? Map.of() : Map.of(hash.split("=")[0], hash.split("=")[1]);
    assertEquals(new CoreMetadataRef(expected), CoreMetadataRef.fromAttribute(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", " False "})
  void falseMeansNoMetadata(final String value) {
    assertNull(CoreMetadataRef.fromAttribute(value));
  }

  @Test
  void writesTheMetadataAttribute() {
    assertEquals("true", CoreMetadataRef.WITHOUT_HASH.toAttribute());
    assertEquals("sha256=ab", new CoreMetadataRef(Map.of("md5", "cd", "sha256", "ab")).toAttribute());
    assertEquals("md5=cd", new CoreMetadataRef(Map.of("md5", "cd", "blake2b", "ef")).toAttribute());
    assertEquals("true", new CoreMetadataRef(Map.of("blake2b", "ef")).toAttribute());
  }

  @Test
  void prefersSha256ThenTheStrongest() {
    assertEquals(Map.entry("sha256", "2"), HashPreference.preferred(Map.of("sha512", "1", "sha256", "2")));
    assertEquals(Map.entry("sha384", "3"), HashPreference.preferred(Map.of("sha1", "1", "sha384", "3")));
    assertNull(HashPreference.preferred(Map.of("blake2b_256", "1")));
  }

  @Test
  void entryKnowsItsPageName() {
    assertEquals("foo-bar", new ProjectListEntry("Foo_Bar").normalizedName());
  }
}
