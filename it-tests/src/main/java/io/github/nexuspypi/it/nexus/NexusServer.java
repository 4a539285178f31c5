package io.github.nexuspypi.it.nexus;

import io.github.nexuspypi.it.process.Command;
import io.github.nexuspypi.it.process.LogTail;
import io.github.nexuspypi.it.process.ProcessRunner;
import io.github.nexuspypi.it.process.ProcessTree;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Nexus process started from a {@link NexusInstallation} with {@code bin/nexus server}, which runs in the
 * foreground without a console (unlike {@code run}, which stops when its input closes). It runs in a session of its
 * own, so that it outlives the command that started it when that is what the caller wants.
 */
public final class NexusServer implements AutoCloseable
{
  private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  private static final int LOG_LINES_IN_MESSAGES = 60;

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private final NexusInstallation installation;

  private final ProcessHandle process;

  private final URI baseUri;

  private NexusServer(final NexusInstallation installation, final ProcessHandle process) {
    this.installation = installation;
    this.process = process;
    this.baseUri = installation.baseUri();
  }

  /** Configures the installation with the settings and starts it; {@link #awaitWritable} tells when it is up. */
  public static NexusServer start(final NexusInstallation installation, final NexusSettings settings) {
    installation.runningProcess().ifPresent(running -> {
      throw new IllegalStateException("Nexus in " + installation.workDir() + " is already running as pid "
          + running.pid());
    });
    if (!LoopbackPorts.isFree(settings.port())) {
      throw new IllegalStateException("Port " + settings.port() + " on 127.0.0.1 is taken by another program");
    }
    installation.configure(settings);
    List<String> arguments = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      arguments.add(SETSID.toString());
    }
    arguments.add(installation.installDir().resolve("bin/nexus").toString());
    arguments.add("server");
    ProcessBuilder builder = new ProcessBuilder(arguments)
        .directory(installation.installDir().toFile())
        .redirectErrorStream(true)
        .redirectOutput(installation.consoleLog().toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().clear();
    builder.environment().putAll(environment(settings.minHeap(), settings.maxHeap()));
    try {
      return new NexusServer(installation, builder.start().toHandle());
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + arguments, e);
    }
  }

  /** The Nexus already running from this installation, e.g. one that an earlier command started. */
  public static Optional<NexusServer> running(final NexusInstallation installation) {
    return installation.runningProcess().map(process -> new NexusServer(installation, process));
  }

  /** Waits until Nexus accepts writes; if it dies or takes too long, the failure quotes the end of its log. */
  public NexusServer awaitWritable(final Duration timeout) {
    NexusAdminClient probe = new NexusAdminClient(NexusHttp.anonymous(baseUri));
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(failure("Nexus exited during startup"));
      }
      if (isWritable(probe)) {
        return this;
      }
      ProcessTree.awaitExit(List.of(process), POLL_INTERVAL);
    }
    throw new IllegalStateException(failure("Nexus was not writable after " + timeout.toSeconds() + " s"));
  }

  public URI baseUri() {
    return baseUri;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public NexusInstallation installation() {
    return installation;
  }

  /** Asks Karaf to shut down ({@code bin/nexus stop}); ends the process tree if that does not work in time. */
  public void stop() {
    if (!process.isAlive()) {
      return;
    }
    Command stop = new Command(List.of(installation.installDir().resolve("bin/nexus").toString(), "stop"),
        installation.installDir(), environment("64m", "128m"), STOP_TIMEOUT);
    ProcessRunner.run(stop, installation.workDir().resolve("nexus-stop.log"));
    if (!ProcessTree.awaitExit(List.of(process), STOP_TIMEOUT)) {
      ProcessTree.terminate(process, Duration.ofSeconds(10));
    }
  }

  /** Kills the process tree ({@code kill -9}): Nexus gets no chance to finish or clean up anything. */
  public void kill() {
    ProcessTree.kill(process, STOP_TIMEOUT);
  }

  @Override
  public void close() {
    stop();
  }

  private static boolean isWritable(final NexusAdminClient probe) {
    try {
      return probe.isWritable();
    }
    catch (UncheckedIOException e) {
      // Not listening yet.
      return false;
    }
  }

  private String failure(final String what) {
    return what + " (" + baseUri + ", pid " + process.pid() + "; logs: " + installation.consoleLog() + ", "
        + installation.nexusLog() + ")\n--- last " + LOG_LINES_IN_MESSAGES + " lines of the console ---\n"
        + LogTail.lastLines(installation.consoleLog(), LOG_LINES_IN_MESSAGES);
  }

  /**
   * Nothing inherited but the basics: {@code bin/nexus} lets {@code JAVA_OPTS}, {@code KARAF_*} and friends replace
   * its own options, so a stray variable of the caller's would silently change the heap or the data folder.
   */
  private static Map<String, String> environment(final String minHeap, final String maxHeap) {
    Map<String, String> environment = new LinkedHashMap<>();
    for (String name : List.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "USER")) {
      String value = System.getenv(name);
      if (value != null) {
        environment.put(name, value);
      }
    }
    environment.put("JAVA_HOME", JavaHome.forNexus().toString());
    environment.put("JAVA_MIN_MEM", minHeap);
    environment.put("JAVA_MAX_MEM", maxHeap);
    return environment;
  }
}
