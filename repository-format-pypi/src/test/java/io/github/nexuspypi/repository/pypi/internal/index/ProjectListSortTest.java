package io.github.nexuspypi.repository.pypi.internal.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.nexuspypi.core.index.ProjectListEntry;
import io.github.nexuspypi.core.index.ProjectListWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProjectListSortTest
{
  @TempDir
  Path temporary;

  /** What a writer is handed, in order. */
  private static final class Listed
      implements ProjectListWriter
  {
    private final List<String> names = new ArrayList<>();

    @Override
    public void add(final ProjectListEntry project) {
      names.add(project.name());
    }

    @Override
    public void close() {
      // nothing held
    }
  }

  private List<String> sorted(final List<String> given, final int runSize) throws IOException {
    Listed out = new Listed();
    try (ProjectListSort sort = new ProjectListSort(temporary, "sort-", runSize)) {
      for (String name : given) {
        sort.add(new ProjectListEntry(name));
      }
      sort.writeTo(out);
    }
    return out.names;
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(temporary)) {
      return files.collect(Collectors.toList());
    }
  }

  @Test
  void projectsComeOnceInTheOrderOfTheirNormalisedNamesAsFirstSpelt() throws IOException {
    assertEquals(List.of("Alpha.Beta", "alphab", "zeta"),
        sorted(List.of("zeta", "Alpha.Beta", "alphab", "alpha-beta", "ZETA"), 100));
  }

  @Test
  void runsSpiltToDiskMergeIntoTheSameListAndTheFirstSpellingStillWins() throws IOException {
    List<String> given = new ArrayList<>();
    Random random = new Random(42);
    for (int i = 0; i < 5000; i++) {
      int project = random.nextInt(2000);
      given.add(String.format(Locale.ROOT, random.nextBoolean() ? "p-%04d" : "P_%04d", project));
    }

    List<String> inMemory = sorted(given, 1_000_000);
    List<String> onDisk = sorted(given, 7);

    assertEquals(inMemory, onDisk);
    assertEquals(given.stream().map(ProjectListEntry::new).map(ProjectListEntry::normalizedName).distinct().count(),
        onDisk.size());
    assertEquals(List.of(), files());
  }
}
