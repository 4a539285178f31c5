package io.github.nexuspypi.it.up;

import io.github.nexuspypi.it.nexus.LoopbackPorts;
import io.github.nexuspypi.it.process.ProcessTree;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The S3 service of a developer's Nexus: an {@link S3ServerMain} process of its own, in a session of its own so that
 * it outlives {@code ./nexus-pypi-up}, keeping its buckets, port, pid and log under one folder. The port is chosen
 * once and kept, because Nexus's S3 blob store remembers the endpoint.
 */
final class LocalS3
{
  private static final Duration START_TIMEOUT = Duration.ofMinutes(1);

  private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private final Path folder;

  LocalS3(final Path folder) {
    this.folder = folder;
  }

  /** Whether S3 was ever started here: a Nexus with repositories on it needs it at every start. */
  boolean isSetUp() {
    return Files.isRegularFile(portFile());
  }

  Path buckets() {
    return folder.resolve("buckets");
  }

  Path log() {
    return folder.resolve("s3proxy.log");
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /** Starts the process unless it runs already; returns once it accepts connections. */
  ProcessHandle start() {
    Optional<ProcessHandle> running = running();
    if (running.isPresent()) {
      return running.get();
    }
    int port = isSetUp() ? port() : LoopbackPorts.free();
    if (!LoopbackPorts.isFree(port)) {
      throw new IllegalStateException("Port " + port + " of 127.0.0.1, which the S3 blob store of this Nexus uses, is"
          + " taken by another program");
    }
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      command.add(SETSID.toString());
    }
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), S3ServerMain.class.getName(), buckets().toString(),
        Integer.toString(port)));
    try {
      Files.createDirectories(folder);
      Files.writeString(portFile(), port + "\n");
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(log().toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .start();
      Files.writeString(pidFile(), process.pid() + "\n");
      awaitListening(process.toHandle(), port);
      return process.toHandle();
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot start S3Proxy: " + command, e);
    }
  }

  /** Stops the process if it runs; returns whether it did. */
  boolean stop() {
    Optional<ProcessHandle> running = running();
    running.ifPresent(process -> ProcessTree.terminate(process, Duration.ofSeconds(10)));
    return running.isPresent();
  }

  /** The process started here, if alive: a pid now owned by another program does not count. */
  Optional<ProcessHandle> running() {
    try {
      if (!Files.isRegularFile(pidFile())) {
        return Optional.empty();
      }
      long pid = Long.parseLong(Files.readString(pidFile()).strip());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::runsFromHere);
    }
    catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Read from {@code /proc}: {@code ProcessHandle.Info.commandLine()} did not show this process's arguments (its
   * class path runs to thousands of characters), so a check through it never recognised the process.
   */
  private boolean runsFromHere(final ProcessHandle process) {
    try {
      String line = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline")).replace('\0', ' ');
      return line.contains(S3ServerMain.class.getName()) && line.contains(buckets().toString());
    }
    catch (IOException e) {
      return false;
    }
  }

  private void awaitListening(final ProcessHandle process, final int port) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Proxy exited at start; see " + log());
      }
      if (accepts(port)) {
        return;
      }
      ProcessTree.awaitExit(List.of(process), POLL_INTERVAL);
    }
    throw new IllegalStateException("S3Proxy did not listen on port " + port + " within " + START_TIMEOUT.toSeconds()
        + " s; see " + log());
  }

  private static boolean accepts(final int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    }
    catch (IOException e) {
      return false;
    }
  }

  private int port() {
    try {
      return Integer.parseInt(Files.readString(portFile()).strip());
    }
    catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("Cannot read the S3 port from " + portFile(), e);
    }
  }

  private Path portFile() {
    return folder.resolve("port");
  }

  private Path pidFile() {
    return folder.resolve("s3proxy.pid");
  }
}
