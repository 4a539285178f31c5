package io.github.nexuspypi.repository.pypi.internal.hosted;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The folder uploads are spooled into, which must be empty again once an upload is answered, however it ended.
 */
final class SpoolDirectory
{
  private SpoolDirectory() {
  }

  static void assertEmpty(final Path directory) throws IOException {
    try (Stream<Path> left = Files.list(directory)) {
      assertEquals(List.of(), left.collect(Collectors.toList()), "files left behind");
    }
  }
}
