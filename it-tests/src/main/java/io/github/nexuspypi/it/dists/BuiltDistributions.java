package io.github.nexuspypi.it.dists;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The wheel and the sdist a build tool left in its output folder ({@code dist/}). */
public record BuiltDistributions(Path wheel, Path sdist)
{
  /** The one {@code .whl} and the one {@code .tar.gz} in {@code dir}; anything else there is an error. */
  public static BuiltDistributions in(final Path dir) {
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.sorted().toList();
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
    List<Path> wheels = files.stream().filter(file -> file.toString().endsWith(".whl")).toList();
    List<Path> sdists = files.stream().filter(file -> file.toString().endsWith(".tar.gz")).toList();
    if (wheels.size() != 1 || sdists.size() != 1 || files.size() != 2) {
      throw new IllegalStateException("Expected one wheel and one sdist in " + dir + ", found " + files);
    }
    return new BuiltDistributions(wheels.get(0), sdists.get(0));
  }

  public List<Path> both() {
    return List.of(wheel, sdist);
  }
}
