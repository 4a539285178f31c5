package io.github.nexuspypi.it.nexus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the JDK that Nexus 3.71 runs on: it supports Java 17 only, whatever JDK runs Maven. */
final class JavaHome
{
  static final String OVERRIDE_VARIABLE = "NEXUS_JAVA_HOME";

  private static final Path JVM_DIRECTORY = Path.of("/usr/lib/jvm");

  private JavaHome() {
  }

  static Path forNexus() {
    String override = System.getenv(OVERRIDE_VARIABLE);
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    if (Runtime.version().feature() == 17) {
      return Path.of(System.getProperty("java.home"));
    }
    return installedJdk17().orElseThrow(() -> new IllegalStateException(
        "Nexus 3.71 needs Java 17, and this JVM is " + Runtime.version() + " with no JDK 17 under " + JVM_DIRECTORY
            + ": install openjdk-17-jdk-headless or set " + OVERRIDE_VARIABLE + " to a JDK 17"));
  }

  private static Optional<Path> installedJdk17() {
    if (!Files.isDirectory(JVM_DIRECTORY)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(JVM_DIRECTORY)) {
      return homes.filter(JavaHome::isJava17).sorted().findFirst();
    }
    catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isJava17(final Path home) {
    Path release = home.resolve("release");
    try {
      return Files.isExecutable(home.resolve("bin/java")) && Files.isRegularFile(release)
          && Files.readString(release).contains("JAVA_VERSION=\"17.");
    }
    catch (IOException e) {
      return false;
    }
  }
}
