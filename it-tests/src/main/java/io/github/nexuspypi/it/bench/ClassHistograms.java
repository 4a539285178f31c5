package io.github.nexuspypi.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Class histograms of a server's live heap ({@code jcmd <pid> GC.class_histogram}, which collects first), written
 * into the folder {@code -Dbenchmark.histograms} names, one file per moment: what tells which objects a growth of
 * the live heap is made of, when two of them are compared. Off unless the property is given.
 */
public final class ClassHistograms
{
  private final Optional<Path> folder;

  private ClassHistograms(final Optional<Path> folder) {
    this.folder = folder;
  }

  public static ClassHistograms fromSystemProperties() {
    return new ClassHistograms(Optional.ofNullable(System.getProperty("benchmark.histograms"))
        .map(Path::of)
        .map(Path::toAbsolutePath));
  }

  /** Writes the histogram as {@code <name>.txt}, when histograms are asked for. */
  public void write(final ProcessHandle server, final String name) {
    if (folder.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(folder.get());
    }
    catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path file = folder.get().resolve(name + ".txt");
    ServerJcmd.run(server, ProcessBuilder.Redirect.to(file.toFile()), "GC.class_histogram");
    System.out.println("class histogram: " + file);
  }
}
