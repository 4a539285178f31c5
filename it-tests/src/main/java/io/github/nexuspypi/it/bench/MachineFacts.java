package io.github.nexuspypi.it.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** What a reader needs to know about the machine to compare benchmark numbers across runs. */
public final class MachineFacts
{
  private static final Path CPU_INFO = Path.of("/proc/cpuinfo");

  private static final Path LOAD_AVERAGE = Path.of("/proc/loadavg");

  private MachineFacts() {
  }

  /** Cores, CPU model, memory, operating system and the Java of this JVM and of the server's. */
  public static String describe(final ProcessHandle server) {
    Runtime runtime = Runtime.getRuntime();
    long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize();
    return runtime.availableProcessors() + " cores (" + cpuModel().orElse("unknown CPU") + "), "
        + memory / (1L << 30) + " GiB RAM, " + System.getProperty("os.name") + " " + System.getProperty("os.version") + "; load generator on Java "
        + System.getProperty("java.runtime.version") + ", Nexus on " + javaOf(server).orElse("an unknown Java");
  }

  /** The 1, 5 and 15 minute load averages: how busy the machine was with other work around the run. */
  public static String loadAverage() {
    return read(LOAD_AVERAGE).map(line -> String.join(" / ", Stream.of(line.split(" ")).limit(3).toList()))
        .orElse("unknown");
  }

  private static Optional<String> cpuModel() {
    return read(CPU_INFO).flatMap(text -> text.lines()
        .filter(line -> line.startsWith("model name"))
        .map(line -> line.substring(line.indexOf(':') + 1).strip())
        .findFirst());
  }

  /** The JAVA_VERSION of the JDK the process runs from, read from the {@code release} file beside its bin/. */
  private static Optional<String> javaOf(final ProcessHandle process) {
    return process.info().command()
        .map(command -> Path.of(command).toAbsolutePath().getParent().getParent().resolve("release"))
        .flatMap(MachineFacts::read)
        .flatMap(release -> release.lines().filter(line -> line.startsWith("JAVA_VERSION=")).findFirst())
        .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""));
  }

  private static Optional<String> read(final Path file) {
    try {
      return Files.isReadable(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
    }
    catch (IOException e) {
      return Optional.empty();
    }
  }
}
