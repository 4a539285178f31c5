package io.github.nexuspypi.core.metadata;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CoreMetadataTest
{
  private static CoreMetadata parse(final String text) {
    return CoreMetadata.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  // Shaped after the examples of the packaging "Core metadata specifications", one per field kind.
  private static final String METADATA_2_1 = String.join("\n",
      "Metadata-Version: 2.1",
      "Name: BeagleVote",
      "Version: 1.0a2",
      "Summary: A module for collecting votes from beagles.",
      "Classifier: Development Status :: 4 - Beta",
      "Classifier: Environment :: Console (Text Based)",
      "Requires-Dist: pkginfo",
      "Requires-Dist: PasteDeploy",
      "Requires-Dist: zope.interface (>3.5.0)",
      "Requires-Dist: pywin32 >1.0; sys_platform == 'win32'",
      "Requires-Python: >=3",
      "Project-URL: Bug Tracker, http://bitbucket.org/tarek/distribute/issues/",
      "Description-Content-Type: text/markdown; charset=UTF-8; variant=GFM",
      "Keywords: dog,puppy,voting,election",
      "Author: C. Schultz, Universal Features Syndicate,",
      "        Los Angeles, CA <cschultz@peanuts.example.com>",
      "",
      "# BeagleVote",
      "",
      "    indented code",
      "");

  @Test
  void readsFieldsAndTheBodyAsDescription() {
    CoreMetadata metadata = parse(METADATA_2_1);
    assertEquals("2.1", metadata.metadataVersion());
    assertEquals("BeagleVote", metadata.name());
    assertEquals("1.0a2", metadata.version());
    assertEquals(Optional.of("A module for collecting votes from beagles."), metadata.summary());
    assertEquals(Optional.of(">=3"), metadata.requiresPython());
    assertEquals(Optional.of("text/markdown; charset=UTF-8; variant=GFM"), metadata.descriptionContentType());
    assertEquals(List.of("pkginfo", "PasteDeploy", "zope.interface (>3.5.0)", "pywin32 >1.0; sys_platform == 'win32'"),
        metadata.getAll("Requires-Dist"));
    assertEquals(List.of("Development Status :: 4 - Beta", "Environment :: Console (Text Based)"),
        metadata.getAll("classifier"));
    assertEquals(
        Optional.of("C. Schultz, Universal Features Syndicate,\nLos Angeles, CA <cschultz@peanuts.example.com>"),
        metadata.get("Author"));
    assertEquals(Optional.of("# BeagleVote\n\n    indented code\n"), metadata.description());
  }

  @Test
  void matchesFieldNamesCaseInsensitively() {
    CoreMetadata metadata = parse(METADATA_2_1);
    assertEquals(Optional.of("BeagleVote"), metadata.get("NAME"));
    assertEquals(Optional.of(">=3"), metadata.get("requires-python"));
    assertEquals(Optional.empty(), metadata.get("License"));
    assertEquals(List.of(), metadata.getAll("Provides-Extra"));
  }

  // Before 2.1 the description is a field, folded with 8 spaces, or 7 spaces and '|' to keep blank lines.
  @Test
  void unfoldsTheDescriptionFieldOfOlderMetadata() {
    CoreMetadata metadata = parse("Metadata-Version: 1.2\r\nName: old\r\nVersion: 1.0\r\n"
        + "Description: Title\r\n        =====\r\n       |\r\n            indented\r\n\r\nstray body\r\n");
    assertEquals(Optional.of("Title\n=====\n\n    indented"), metadata.description());
    assertEquals("old", metadata.name());
  }

  @Test
  void takesTheBodyFromVersion21OnAndTheFieldBefore() {
    String both = "Name: x\nVersion: 1\nDescription: field\n\nbody\n";
    assertEquals(Optional.of("body\n"), parse("Metadata-Version: 2.1\n" + both).description());
    assertEquals(Optional.of("body\n"), parse("Metadata-Version: 2.4\n" + both).description());
    assertEquals(Optional.of("field"), parse("Metadata-Version: 1.1\n" + both).description());
    assertEquals(Optional.of("only body\n"), parse("Metadata-Version: 1.0\nName: x\n\nonly body\n").description());
    assertEquals(Optional.empty(), parse("Metadata-Version: 2.1\nName: x\n\n\n").description());
  }

  // The body is taken whole rather than line by line: its line breaks still read as the header's do.
  @Test
  void givesTheBodyWithEveryKindOfLineBreakAsNewlines() {
    assertEquals(Optional.of("one\ntwo\nthree\n\nfour"),
        parse("Metadata-Version: 2.1\r\nName: x\r\n\r\none\r\ntwo\rthree\n\r\nfour").description());
    assertEquals("x", parse("Metadata-Version: 2.1\nName: x").name());
    assertEquals(Optional.empty(), parse("Metadata-Version: 2.1\nName: x").description());
    assertEquals(Optional.of("stray"), parse("Metadata-Version: 2.1\nName: x\r\nstray").description());
  }

  @Test
  void keepsEmptyValuesAndReportsMissingRequiredFieldsAsEmpty() {
    CoreMetadata metadata = parse("Summary:\nKeywords:   \n");
    assertEquals(Optional.of(""), metadata.summary());
    assertEquals(Optional.of(""), metadata.get("Keywords"));
    assertEquals("", metadata.name());
    assertEquals("", metadata.version());
    assertEquals("", metadata.metadataVersion());
  }

  // As Python's email parser: a line that is no field ends the headers without a blank line.
  @Test
  void endsTheHeadersAtTheFirstLineThatIsNoField() {
    CoreMetadata metadata = parse("Metadata-Version: 2.1\nName: x\nthis is no header\nVersion: 1\n");
    assertEquals(Optional.empty(), metadata.get("Version"));
    assertEquals(Optional.of("this is no header\nVersion: 1\n"), metadata.description());
  }

  @Test
  void readsUtf8AndSurvivesOtherBytes() {
    byte[] bytes = "\uFEFFName: caf\u00e9\nMaintainer: Alex Gr\u00f6nholm\n".getBytes(StandardCharsets.UTF_8);
    CoreMetadata metadata = CoreMetadata.parse(bytes);
    assertEquals("caf\u00e9", metadata.name());
    assertEquals(Optional.of("Alex Gr\u00f6nholm"), metadata.get("Maintainer"));

    CoreMetadata latin1 = CoreMetadata.parse("Name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals("caf\uFFFD", latin1.name());
  }

  @Test
  void ignoresAContinuationBeforeAnyField() {
    CoreMetadata metadata = parse("  stray\nName: x\n");
    assertEquals("x", metadata.name());
  }
}
