package io.github.nexuspypi.it.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MarkdownSectionTest
{
  private static final String START = "<!-- results:speed start (written by the benchmark, do not edit) -->\n";

  private static final String END = "<!-- results:speed end -->\n";

  @TempDir
  Path dir;

  @Test
  void aNewSectionIsAppendedAfterTheProse() throws IOException {
    Path file = Files.writeString(dir.resolve("benchmarks.md"), "# Benchmarks\n\n## Results\n");

    MarkdownSection.write(file, "speed", "fast\n");

    assertEquals("# Benchmarks\n\n## Results\n\n" + START + "fast\n" + END, Files.readString(file));
  }

  @Test
  void aSectionIsReplacedAndWhatSurroundsItKept() throws IOException {
    Path file = Files.writeString(dir.resolve("benchmarks.md"),
        "intro\n\n" + START + "old\nnumbers\n" + END + "\n" + "<!-- results:other start -->\nkept\n");

    MarkdownSection.write(file, "speed", "new");

    assertEquals("intro\n\n" + START + "new\n" + END + "\n" + "<!-- results:other start -->\nkept\n",
        Files.readString(file));
  }

  @Test
  void aMissingFileIsCreated() throws IOException {
    Path file = dir.resolve("docs/benchmarks.md");

    MarkdownSection.write(file, "speed", "first");

    assertEquals(START + "first\n" + END, Files.readString(file));
  }
}
