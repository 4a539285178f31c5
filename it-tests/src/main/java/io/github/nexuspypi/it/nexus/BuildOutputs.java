package io.github.nexuspypi.it.nexus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the it-tests module's build leaves in its {@code target/} for booting Nexus: the unpacked base template and
 * the plugin kars (the {@code maven-dependency-plugin} executions of its POM write these two folders).
 */
public record BuildOutputs(Path buildDir)
{
  /** Set by failsafe to the module's {@code target/}; tests run from an IDE fall back to {@code ./target}. */
  public static final String BUILD_DIR_PROPERTY = "nexus.it.build.dir";

  public static BuildOutputs fromSystemProperty() {
    return new BuildOutputs(Path.of(System.getProperty(BUILD_DIR_PROPERTY, "target")).toAbsolutePath());
  }

  public Path nexusTemplate() {
    Path unpacked = buildDir.resolve("nexus-template");
    List<Path> templates = list(unpacked, "nexus-base-template-");
    if (templates.size() != 1) {
      throw new IllegalStateException("Expected one unpacked Nexus base template in " + unpacked + ", found "
          + templates + ": build the it-tests module first (mvn -pl it-tests -am package -DskipTests)");
    }
    return templates.get(0);
  }

  public List<Path> pluginKars() {
    return list(buildDir.resolve("nexus-plugins"), "").stream()
        .filter(path -> path.getFileName().toString().endsWith(".kar"))
        .toList();
  }

  private static List<Path> list(final Path dir, final String prefix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(path -> path.getFileName().toString().startsWith(prefix)).sorted().toList();
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
  }
}
