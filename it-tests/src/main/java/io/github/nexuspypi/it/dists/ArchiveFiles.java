package io.github.nexuspypi.it.dists;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the builders share: text as bytes, and where they leave their archives. */
final class ArchiveFiles
{
  private ArchiveFiles() {
  }

  static byte[] utf8(final String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static Path write(final Path file, final byte[] content) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.write(file, content);
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
