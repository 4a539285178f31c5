package io.github.nexuspypi.repository.pypi.internal.group;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.core.index.SimpleJsonParser;
import io.github.nexuspypi.core.index.Yank;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MergedProjectTest
{
  @Test
  void noMemberPageIsNoProject() {
    assertTrue(MergedProject.of(List.of()).isEmpty());
  }

  @Test
  void theFirstMemberToListAFileNameKeepsItAndEveryOtherFileIsAdded() {
    DistributionLink firstWheel = link("demo-1.0-py3-none-any.whl", "aa");
    DistributionLink secondWheel = link("demo-1.0-py3-none-any.whl", "bb");
    DistributionLink sdist = link("demo-2.0.tar.gz", "cc");

    MergedProject merged = MergedProject.of(List.of(
        new MemberPage("hosted-a", new ProjectPage("demo", List.of(firstWheel), Set.of("1.0"))),
        new MemberPage("hosted-b", new ProjectPage("demo", List.of(secondWheel, sdist), Set.of("1.0", "2.0")))))
        .orElseThrow();

    assertEquals(List.of(firstWheel, sdist), merged.page().files());
    assertEquals(Set.of("1.0", "2.0"), merged.page().versions());
    assertEquals(Optional.of("hosted-a"), merged.memberOf("demo-1.0-py3-none-any.whl"));
    assertEquals(Optional.of("hosted-b"), merged.memberOf("demo-2.0.tar.gz"));
    assertEquals(Optional.empty(), merged.memberOf("demo-3.0.tar.gz"));
    assertEquals(List.of("hosted-a", "hosted-b"), merged.servedBy());
  }

  @Test
  void aRenderingKeepsEveryAttributeAndIsMadeOncePerFormat() throws IOException {
    DistributionLink yanked = DistributionLink.builder("demo-1.0.tar.gz", "../../packages/demo/1.0/demo-1.0.tar.gz")
        .hashes(Map.of("sha256", "ab".repeat(32)))
        .requiresPython(">=3.8")
        .yank(new Yank("broken"))
        .size(123L)
        .build();
    MergedProject merged = MergedProject.of(List.of(
        new MemberPage("proxy", new ProjectPage("demo", List.of(yanked), Set.of("1.0"))))).orElseThrow();

    ProjectPage reread = SimpleJsonParser.parseProject(
        new ByteArrayInputStream(merged.rendered(SimpleFormat.JSON_V1).body()), null);

    assertEquals(List.of(yanked), reread.files());
    assertSame(merged.rendered(SimpleFormat.TEXT_HTML), merged.rendered(SimpleFormat.TEXT_HTML));
  }

  private static DistributionLink link(final String filename, final String hashByte) {
    return DistributionLink.builder(filename, "../../packages/demo/x/" + filename)
        .hashes(Map.of("sha256", hashByte.repeat(32)))
        .build();
  }
}
