package io.github.nexuspypi.repository.pypi.internal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of its own for a test: a cluster made with Debian's {@code initdb} in a temporary folder,
 * started with {@code pg_ctl} on a free loopback port, stopped and deleted on {@link #close()}. PostgreSQL refuses to
 * run as root, so under root the cluster belongs to the {@code postgres} user Debian's package creates.
 */
final class ThrowawayPostgres
    implements AutoCloseable
{
  private static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");

  private static final String USER = "pypi";

  private final Path bin;

  private final Path folder;

  private final int port;

  private final boolean asPostgres;

  private ThrowawayPostgres(final Path bin, final Path folder, final int port, final boolean asPostgres) {
    this.bin = bin;
    this.folder = folder;
    this.port = port;
    this.asPostgres = asPostgres;
  }

  static ThrowawayPostgres start() throws IOException {
    Path bin = serverBinaries().orElseThrow(() -> new AssertionError("No PostgreSQL server under " + DEBIAN_VERSIONS
        + ": install Debian's package (apt-get install -y postgresql), as ./nexus-pypi-test does"));
    boolean asPostgres = "root".equals(System.getProperty("user.name"));
    Path folder = Files.createTempDirectory("pypi-postgres-");
    if (asPostgres) {
      UserPrincipal postgres = folder.getFileSystem().getUserPrincipalLookupService()
          .lookupPrincipalByName("postgres");
      Files.setOwner(folder, postgres);
    }
    ThrowawayPostgres server = new ThrowawayPostgres(bin, folder, freePort(), asPostgres);
    try {
      server.run("initdb", "-D", server.data(), "-U", USER, "-A", "trust", "-E", "UTF8", "--no-sync");
      server.run("pg_ctl", "-D", server.data(), "-l", folder.resolve("server.log").toString(), "-w", "-o",
          "-p " + server.port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }
    catch (RuntimeException | AssertionError e) {
      server.deleteFolder();
      throw e;
    }
    return server;
  }

  String jdbcUrl(final String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
  }

  @Override
  public void close() {
    try {
      run("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
    }
    finally {
      deleteFolder();
    }
  }

  private String data() {
    return folder.resolve("data").toString();
  }

  private void run(final String program, final String... arguments) {
    List<String> command = new ArrayList<>();
    if (asPostgres) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " failed:\n"
            + new String(output, StandardCharsets.UTF_8) + serverLog());
      }
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + command, e);
    }
    catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command, e);
    }
  }

  private String serverLog() {
    Path log = folder.resolve("server.log");
    try {
      return Files.isRegularFile(log) ? "\nserver.log:\n" + Files.readString(log) : "";
    }
    catch (IOException e) {
      return "";
    }
  }

  private void deleteFolder() {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(file);
      }
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + folder, e);
    }
  }

  /** The newest server Debian installed, e.g. {@code /usr/lib/postgresql/15/bin}. */
  private static Optional<Path> serverBinaries() throws IOException {
    if (!Files.isDirectory(DEBIAN_VERSIONS)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(DEBIAN_VERSIONS)) {
      return versions.map(version -> version.resolve("bin"))
          .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
          .max(Comparator.comparing(ThrowawayPostgres::majorVersion));
    }
  }

  private static int majorVersion(final Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    }
    catch (NumberFormatException e) {
      return 0;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
