package io.github.nexuspypi.it.bench;

import io.github.nexuspypi.it.files.FileTrees;
import io.github.nexuspypi.it.process.Command;
import io.github.nexuspypi.it.process.ProcessResult;
import io.github.nexuspypi.it.process.ProcessRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PyPI servers Python users run, started on loopback by the shared peers kit ({@code ../shared/bench-peers}
 * from the repository root: {@code up.sh} and {@code down.sh}, with its vendored pypiserver and proxpi) from
 * Debian's packages, all serving the same directory of wheels. The kit's state (pids, logs, nginx's configuration,
 * proxpi's cache) lives in a folder of ours, so that a run of the kit elsewhere on the machine is not touched; the
 * kit's ports are fixed, though, so a run fails when one of them is taken.
 */
public final class PeerServers implements AutoCloseable
{
  /** Every peer the kit starts, with its fixed port. */
  private static final Map<String, Integer> PEERS = Map.of("pypiserver", 18601, "pypiserver-gunicorn", 18602,
      "static-httpserver", 18603, "proxpi", 18604, "nginx", 18605);

  /** What the kit runs with: Debian 12's packages, installed by root. */
  private static final String APT_GET = "apt-get install -y --no-install-recommends python3-packaging"
      + " python3-importlib-resources python3-watchdog python3-gunicorn gunicorn python3-flask python3-lxml"
      + " python3-requests python3-jinja2 nginx-light";

  private static final List<String> PYTHON_MODULES = List.of("packaging", "importlib_resources", "watchdog",
      "gunicorn", "flask", "lxml", "requests", "jinja2");

  private static final Path PYTHON = Path.of("/usr/bin/python3");

  private static final Path NGINX = Path.of("/usr/sbin/nginx");

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final Path kit;

  private final Path home;

  private final Map<String, URI> indexes;

  private PeerServers(final Path kit, final Path home, final Map<String, URI> indexes) {
    this.kit = kit;
    this.home = home;
    this.indexes = indexes;
  }

  /**
   * Starts every peer serving {@code wheels}, with its state under {@code home} (emptied first, after stopping what
   * an earlier run that died there left running); fails with what to do when the kit or a Debian package is
   * missing, a port is taken, or a peer does not answer its page of {@code project}.
   */
  public static PeerServers start(final Path kit, final Path home, final List<Path> wheels, final String project) {
    requireKit(kit);
    if (Files.isDirectory(home.resolve("run"))) {
      new PeerServers(kit, home, Map.of()).close();
    }
    FileTrees.fresh(home);
    Path packages = home.resolve("pkgs");
    try {
      Files.createDirectories(packages);
      for (Path wheel : wheels) {
        Files.copy(wheel, packages.resolve(wheel.getFileName()));
      }
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot copy the wheels into " + packages, e);
    }
    requireDebianPackages(home);
    requireFreePorts();
    Command up = kitCommand(kit, home, "up.sh").withArguments(packages.toString())
        .withVariable("PAGE_PROJECT", project)
        .withTimeout(START_TIMEOUT);
    ProcessResult started = ProcessRunner.run(up, home.resolve("up.log"));
    Map<String, URI> indexes = indexesIn(started.output());
    PeerServers peers = new PeerServers(kit, home, indexes);
    if (!started.succeeded() || !indexes.keySet().containsAll(PEERS.keySet())) {
      peers.close();
      throw new AssertionError("Not every peer came up: " + indexes.keySet() + " of " + PEERS.keySet()
          + "; see the logs in " + home.resolve("run") + ". " + started.describe());
    }
    return peers;
  }

  /**
   * The peers {@code up.sh} reports as answering, one {@code <name> <index URL>} line each among its messages on
   * stderr, with their index URLs made to end in {@code /}.
   */
  static Map<String, URI> indexesIn(final String upOutput) {
    Map<String, URI> indexes = new LinkedHashMap<>();
    upOutput.lines()
        .map(line -> line.split(" "))
        .filter(words -> words.length == 2 && PEERS.containsKey(words[0]) && words[1].startsWith("http://"))
        .forEach(words -> indexes.put(words[0], URI.create(words[1] + "/")));
    return indexes;
  }

  /** Each peer's index URL (ending in {@code /}: its project pages are {@code <index><project>/}). */
  public Map<String, URI> indexes() {
    return indexes;
  }

  /** Stops the peers this run started: {@code down.sh} signals only the pids recorded under our folder. */
  @Override
  public void close() {
    ProcessRunner.run(kitCommand(kit, home, "down.sh"), home.resolve("down.log")).requireSuccess();
  }

  private static Command kitCommand(final Path kit, final Path home, final String script) {
    return new Command(List.of("/bin/bash", kit.resolve(script).toString()), home,
        Map.of("PATH", "/usr/bin:/bin:/usr/sbin:/sbin", "BENCH_HOME", home.toString(), "LANG", "C.UTF-8"),
        Command.DEFAULT_TIMEOUT);
  }

  private static void requireKit(final Path kit) {
    if (!Files.isRegularFile(kit.resolve("up.sh")) || !Files.isRegularFile(kit.resolve("down.sh"))) {
      throw new AssertionError("The peers kit is not at " + kit + ": this benchmark needs ../shared/bench-peers"
          + " beside the repository (or -Dbenchmark.peers.kit=<folder with up.sh and down.sh>)");
    }
  }

  private static void requireDebianPackages(final Path home) {
    String imports = "import " + String.join(", ", PYTHON_MODULES);
    boolean modules = Files.isExecutable(PYTHON) && ProcessRunner.run(
        new Command(List.of(PYTHON.toString(), "-c", imports), home, Map.of("PATH", "/usr/bin:/bin"),
            Duration.ofMinutes(1)), home.resolve("modules.log")).succeeded();
    if (!modules || !Files.isExecutable(NGINX)) {
      throw new AssertionError("The peers need Debian packages that are not installed (" + PYTHON + " -c '"
          + imports + "' and " + NGINX + " must work). As root: apt-get update && " + APT_GET);
    }
  }

  private static void requireFreePorts() {
    List<String> taken = new ArrayList<>();
    PEERS.forEach((name, port) -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
        taken.add(port + " (" + name + ")");
      }
      catch (IOException free) {
        // Nobody listens: the port is ours to use.
      }
    });
    if (!taken.isEmpty()) {
      throw new AssertionError("The peers' ports are taken: " + taken + ". Another run of the peers kit? Stop it"
          + " with its own BENCH_HOME=<its folder> ../shared/bench-peers/down.sh");
    }
  }
}
