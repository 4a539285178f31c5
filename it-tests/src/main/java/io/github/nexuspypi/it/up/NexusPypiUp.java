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
      "Usage: ./nexus-pypi-up [--port PORT] [--s3]   build the plugin, start Nexus with it (default port 8081);",
      "                                               --s3: the repositories on an S3 blob store (S3Proxy)",
      "       ./nexus-pypi-up --stop                  stop the Nexus started here, and its S3Proxy",
      "");

  /** The blob store {@code --s3} creates, and its bucket. */
  static final String S3_BLOB_STORE = "pypi-s3";

  private static final String FILE_BLOB_STORE = "default";

  private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(5);

  private NexusPypiUp() {
  }

  public static void main(final String[] args) {
    int port = 8081;
    boolean stop = false;
    boolean s3 = false;
    Path runDir = Path.of("run");
    Path buildDir = Path.of("it-tests/target");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = port(value(args, ++i));
        case "--stop" -> stop = true;
        case "--s3" -> s3 = true;
        case "--run-dir" -> runDir = Path.of(value(args, ++i));
        case "--build-dir" -> buildDir = Path.of(value(args, ++i));
        case "-h", "--help" -> exit(0, USAGE);
        default -> exit(2, "Unknown option " + args[i] + "\n" + USAGE);
      }
    }
    NexusInstallation installation = NexusInstallation.at(runDir);
    LocalS3 localS3 = new LocalS3(runDir.toAbsolutePath().resolve("s3"));
    try {
      if (stop) {
        stop(installation, localS3);
      }
      else {
        start(installation, new BuildOutputs(buildDir.toAbsolutePath()), port, s3 ? Optional.of(localS3)
            // Once set up, S3 starts with Nexus: repositories on it would fail without it.
            : Optional.of(localS3).filter(LocalS3::isSetUp));
      }
    }
    catch (RuntimeException e) {
      exit(1, "nexus-pypi-up: " + e.getMessage());
    }
  }

  private static void start(final NexusInstallation installation, final BuildOutputs outputs, final int port,
                            final Optional<LocalS3> s3)
  {
    // Before Nexus, whose S3 blob store fails to start without its service.
    s3.ifPresent(service -> {
      long pid = service.start().pid();
      System.out.println("S3Proxy at " + service.endpoint() + " (pid " + pid + ", log " + service.log() + ")");
    });
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
    String blobStore = FILE_BLOB_STORE;
    if (s3.isPresent()) {
      if (!admin.blobStoreNames().contains(S3_BLOB_STORE)) {
        admin.createS3BlobStore(S3_BLOB_STORE, s3.get().endpoint());
      }
      blobStore = S3_BLOB_STORE;
    }
    List<DefaultRepositories.Outcome> repositories = DefaultRepositories.ensure(admin, blobStore);
    admin.setAnonymousAccess(true);
    System.out.println();
    System.out.print(Instructions.render(installation, server.baseUri(), repositories));
    s3.ifPresent(service -> System.out.print(Instructions.s3(service.endpoint(), S3_BLOB_STORE,
        service.buckets().resolve(S3_BLOB_STORE), service.log())));
  }

  private static void stop(final NexusInstallation installation, final LocalS3 s3) {
    Optional<NexusServer> running = NexusServer.running(installation);
    if (running.isEmpty()) {
      System.out.println("No Nexus is running from " + installation.workDir());
    }
    else {
      System.out.println("Stopping Nexus (pid " + running.get().pid() + ")");
      running.get().stop();
      System.out.println("Stopped; its data stays in " + installation.dataDir());
    }
    // After Nexus, which may be writing to it until it stops.
    if (s3.stop()) {
      System.out.println("Stopped S3Proxy; its buckets stay in " + s3.buckets());
    }
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
