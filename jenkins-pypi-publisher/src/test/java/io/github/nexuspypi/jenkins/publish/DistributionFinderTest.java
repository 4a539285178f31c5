package io.github.nexuspypi.jenkins.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DistributionFinderTest
{
  @TempDir
  Path workspace;

  @BeforeEach
  void aWorkspace() throws IOException {
    for (String file : List.of("dist/a-1.0-py3-none-any.whl", "dist/a-1.0.tar.gz", "dist/notes.txt",
        "sub/dist/b-2.0.tar.gz", "sub/deeper/dist/c-3.0-py3-none-any.whl", "top-1.0.tar.gz")) {
      Path path = workspace.resolve(file);
      Files.createDirectories(path.getParent());
      Files.writeString(path, file);
    }
  }

  @Test
  void aStarStaysInItsFolder() throws PublishException {
    assertEquals(List.of("dist/a-1.0-py3-none-any.whl", "dist/a-1.0.tar.gz", "dist/notes.txt"), find("dist/*"));
    assertEquals(List.of("dist/a-1.0.tar.gz"), find("dist/*.tar.gz"));
  }

  @Test
  void twoStarsCrossFoldersAndMatchNoneAsInAnt() throws PublishException {
    assertEquals(List.of("dist/a-1.0.tar.gz", "sub/deeper/dist/c-3.0-py3-none-any.whl", "sub/dist/b-2.0.tar.gz",
        "top-1.0.tar.gz"), find("**/*-[0-9]*.tar.gz, **/c-*.whl").stream().sorted().collect(Collectors.toList()));
    assertEquals(List.of("top-1.0.tar.gz"), find("*.tar.gz"));
  }

  @Test
  void aTrailingSlashMeansEverythingBelow() throws PublishException {
    assertEquals(List.of("sub/deeper/dist/c-3.0-py3-none-any.whl", "sub/dist/b-2.0.tar.gz"), find("sub/"));
  }

  @Test
  void severalPatternsFindEachFileOnce() throws PublishException {
    assertEquals(List.of("dist/a-1.0-py3-none-any.whl", "dist/a-1.0.tar.gz"), find("dist/*.whl, dist/a-*,"));
  }

  @Test
  void aMissingFolderFindsNothing() throws PublishException {
    assertEquals(List.of(), find("build/*"));
  }

  @Test
  void aPatternLeavingTheWorkspaceIsRefused() {
    assertThrows(PublishException.class, () -> find("../*"));
    assertThrows(PublishException.class, () -> find("/etc/*"));
  }

  private List<String> find(final String patterns) throws PublishException {
    return new DistributionFinder(workspace).find(PublishSettings.to("http://x/").files(patterns).build().patterns())
        .stream().map(path -> workspace.relativize(path).toString().replace('\\', '/')).collect(Collectors.toList());
  }
}
