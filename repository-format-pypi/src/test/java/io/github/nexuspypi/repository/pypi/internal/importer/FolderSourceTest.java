package io.github.nexuspypi.repository.pypi.internal.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FolderSourceTest
{
  @TempDir
  Path folder;

  private Path write(final String path, final String content) throws IOException {
    Path file = folder.resolve(path);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  @Test
  void findsDistributionsAtAnyDepthWithTheirModificationTimes() throws IOException {
    Path wheel = write("a/b/c/tiny_demo-1.0-py3-none-any.whl", "wheel");
    Instant time = Instant.parse("2020-02-03T04:05:06Z");
    Files.setLastModifiedTime(wheel, FileTime.from(time));
    write("tiny-demo-1.0.tar.gz", "sdist");
    write("tiny-demo-1.0.tar.gz.asc", "signature");
    write("index.html", "page");
    write("other-2.0.zip", "zip");

    List<SourceFile> files = new FolderSource(folder).list(ProjectFilter.parse("tiny.demo"));

    assertEquals(List.of("tiny_demo-1.0-py3-none-any.whl", "tiny-demo-1.0.tar.gz"),
        files.stream().map(SourceFile::filename).collect(Collectors.toList()));
    assertEquals(Optional.of(time), files.get(0).details().uploadTime());
    try (InputStream in = new FolderSource(folder).open(files.get(0))) {
      assertArrayEquals("wheel".getBytes(), in.readAllBytes());
    }
  }

  @Test
  void aFileNamedLikeNoDistributionIsListedUnderItsFirstWordToBeReported() throws IOException {
    write("Not_A.Dist.whl", "junk");

    List<SourceFile> files = new FolderSource(folder).list(ProjectFilter.parse(""));

    assertEquals(1, files.size());
    assertEquals("not-a-dist-whl", files.get(0).project());
  }

  @Test
  void aMissingFolderIsNamed() {
    IOException missing = assertThrows(IOException.class,
        () -> new FolderSource(folder.resolve("nowhere")).list(ProjectFilter.parse("")));

    assertEquals(true, missing.getMessage().contains("nowhere"), missing.getMessage());
  }
}
