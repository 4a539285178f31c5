package io.github.nexuspypi.it.up;

import io.github.nexuspypi.it.nexus.BuildOutputs;
import io.github.nexuspypi.it.nexus.NexusAdminClient;
import io.github.nexuspypi.it.nexus.NexusHttp;
import io.github.nexuspypi.it.nexus.NexusInstallation;
import io.github.nexuspypi.it.nexus.NexusServer;
import io.github.nexuspypi.it.nexus.NexusSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./nexus-pypi-up}: a Nexus with the freshly built plugin for trying things by hand, installed under
 * {@code run/} and kept there (data included) from one start to the next. The same classes boot the tests' Nexus.
 */
public final class NexusPypiUp
{
  private static final String USAGE = String.join("\n",
      "Usage: ./nexus-pypi-up [--port PORT]   build the plugin, start Nexus with it (default port 8081)",
      "       ./nexus-pypi-up --stop          stop the Nexus started here",
      "");

  private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(5);

  private NexusPypiUp() {
  }

  public static void main(final String[] args) {
    int port = 8081;
    boolean stop = false;
    Path runDir = Path.of("run");
    Path buildDir = Path.of("it-tests/target");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = port(value(args, ++i));
        case "--stop" -> stop = true;
        case "--run-dir" -> runDir = Path.of(value(args, ++i));
        case "--build-dir" -> buildDir = Path.of(value(args, ++i));
        case "-h", "--help" -> exit(0, USAGE);
        default -> exit(2, "Unknown option " + args[i] + "\n" + USAGE);
      }
    }
    NexusInstallation installation = NexusInstallation.at(runDir);
    try {
      if (stop) {
        stop(installation);
      }
      else {
        start(installation, new BuildOutputs(buildDir.toAbsolutePath()), port);
      }
    }
    catch (RuntimeException e) {
      exit(1, "nexus-pypi-up: " + e.getMessage());
    }
  }

  private static void start(final NexusInstallation installation, final BuildOutputs outputs, final int port) {
    Optional<NexusServer> running = NexusServer.running(installation);
    if (running.isPresent()) {
      System.out.println("Restarting the Nexus already running (pid " + running.get().pid() + ") to load the plugin");
      running.get().stop();
    }
    if (!installation.isInstalled()) {
      System.out.println("Installing Nexus into " + installation.workDir());
    }
    installation.installFrom(outputs.nexusTemplate());
    List<Path> kars = outputs.pluginKars();
    installation.replacePlugins(kars);
    System.out.println(kars.isEmpty() ? "No plugin kar was built: Nexus starts without the pypi format"
        : "Plugins: " + kars);
    NexusServer server = NexusServer.start(installation, NexusSettings.forDevelopment(port));
    System.out.println("Starting Nexus at " + server.baseUri() + " (pid " + server.pid() + ", console "
        + installation.consoleLog() + "); this takes about a minute");
    long started = System.nanoTime();
    server.awaitWritable(BOOT_TIMEOUT);
    System.out.println("Nexus was ready after " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");

    NexusAdminClient admin = new NexusAdminClient(NexusHttp.anonymous(server.baseUri())
        .as(NexusSettings.ADMIN_USER, installation.adminPassword()));
    List<DefaultRepositories.Outcome> repositories = DefaultRepositories.ensure(admin);
    admin.setAnonymousAccess(true);
    System.out.println();
    System.out.print(Instructions.render(installation, server.baseUri(), repositories));
  }

  private static void stop(final NexusInstallation installation) {
    Optional<NexusServer> running = NexusServer.running(installation);
    if (running.isEmpty()) {
      System.out.println("No Nexus is running from " + installation.workDir());
      return;
    }
    System.out.println("Stopping Nexus (pid " + running.get().pid() + ")");
    running.get().stop();
    System.out.println("Stopped; its data stays in " + installation.dataDir());
  }

  private static int port(final String value) {
    if (!value.matches("[0-9]{1,5}") || Integer.parseInt(value) > 65535) {
      exit(2, "--port needs a TCP port number, not " + value);
    }
    return Integer.parseInt(value);
  }

  private static String value(final String[] args, final int index) {
    if (index >= args.length) {
      exit(2, args[index - 1] + " needs a value\n" + USAGE);
    }
    return args[index];
  }

  private static void exit(final int status, final String message) {
    (status == 0 ? System.out : System.err).println(message);
    System.exit(status);
  }
}
