package io.github.nexuspypi.it.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.stream.Stream;

/** Whole directory trees: the installations, virtual environments and work folders the harness makes. */
public final class FileTrees
{
  private FileTrees() {
  }

  /** Copies with permissions kept, since the Nexus scripts must stay executable. */
  public static void copy(final Path from, final Path to) {
    try {
      Files.walkFileTree(from, new SimpleFileVisitor<>()
      {
        @Override
        public FileVisitResult preVisitDirectory(final Path dir, final BasicFileAttributes attrs) throws IOException {
          Files.createDirectories(to.resolve(from.relativize(dir).toString()));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) throws IOException {
          Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
          return FileVisitResult.CONTINUE;
        }
      });
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot copy " + from + " to " + to, e);
    }
  }

  /** Deletes the tree if there is one; symbolic links are removed, never followed. */
  public static void delete(final Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + root, e);
    }
  }

  /** An empty directory at this place, whatever was there before. */
  public static Path fresh(final Path dir) {
    delete(dir);
    try {
      return Files.createDirectories(dir);
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + dir, e);
    }
  }
}
