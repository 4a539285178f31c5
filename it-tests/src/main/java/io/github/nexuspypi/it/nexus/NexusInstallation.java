package io.github.nexuspypi.it.nexus;

import io.github.nexuspypi.it.files.FileTrees;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A Nexus on disk, laid out as the base template expects: the installation in {@code <work>/nexus} and its data
 * in {@code <work>/sonatype-work/nexus3}, the default {@code bin/nexus} derives from the installation's place.
 */
public final class NexusInstallation
{
  private final Path workDir;

  private NexusInstallation(final Path workDir) {
    this.workDir = workDir.toAbsolutePath().normalize();
  }

  public static NexusInstallation at(final Path workDir) {
    return new NexusInstallation(workDir);
  }

  public Path workDir() {
    return workDir;
  }

  public Path installDir() {
    return workDir.resolve("nexus");
  }

  public Path dataDir() {
    return workDir.resolve("sonatype-work/nexus3");
  }

  /** What {@code bin/nexus server} printed since its last start: the reason when Nexus does not come up. */
  public Path consoleLog() {
    return workDir.resolve("nexus-console.log");
  }

  public Path nexusLog() {
    return dataDir().resolve("log/nexus.log");
  }

  /** One line for every request a proxy repository sends upstream (Nexus's own log, on by default). */
  public Path outboundRequestLog() {
    return dataDir().resolve("log/outbound-request.log");
  }

  public boolean isInstalled() {
    return Files.isExecutable(installDir().resolve("bin/nexus"));
  }

  /** Copies an unpacked base template into place, unless a previous run already did. */
  public NexusInstallation installFrom(final Path template) {
    if (!Files.isExecutable(template.resolve("bin/nexus"))) {
      throw new IllegalArgumentException(template + " is not an unpacked Nexus base template (no bin/nexus)");
    }
    if (!isInstalled()) {
      FileTrees.copy(template, installDir());
    }
    return this;
  }

  /**
   * Makes the given kars the only plugins in {@code deploy/}. Karaf skips a kar whose name it has extracted
   * before, so the extracted copies go too: a rebuilt plugin of the same version is then really loaded.
   */
  public void replacePlugins(final List<Path> kars) {
    Path deploy = installDir().resolve("deploy");
    try (Stream<Path> deployed = Files.list(deploy)) {
      for (Path old : deployed.filter(p -> p.getFileName().toString().endsWith(".kar")).toList()) {
        Files.delete(old);
      }
      FileTrees.delete(dataDir().resolve("kar"));
      for (Path kar : kars) {
        Files.copy(kar, deploy.resolve(kar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot install plugins " + kars + " into " + deploy, e);
    }
  }

  /** Merges the settings into {@code <data>/etc/nexus.properties}, keeping entries set there by hand. */
  public void configure(final NexusSettings settings) {
    Properties properties = properties();
    properties.putAll(settings.properties());
    Path file = propertiesFile();
    try {
      Files.createDirectories(file.getParent());
      try (Writer out = Files.newBufferedWriter(file)) {
        properties.store(out, "Written by the nexus-pypi test harness; entries added by hand are kept");
      }
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  public URI baseUri() {
    Properties properties = properties();
    String host = properties.getProperty("application-host", "127.0.0.1");
    String port = properties.getProperty("application-port", "8081");
    return URI.create("http://" + host + ":" + port + "/");
  }

  /**
   * The admin password: the one Nexus made up at its first start, or the fixed one when told not to. Nexus
   * deletes {@code admin.password} once someone changes the password; then nobody here knows it.
   */
  public String adminPassword() {
    Path generated = dataDir().resolve("admin.password");
    try {
      if (Files.isRegularFile(generated)) {
        return Files.readString(generated).strip();
      }
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + generated, e);
    }
    if ("false".equals(properties().getProperty("nexus.security.randompassword"))) {
      return NexusSettings.FIXED_ADMIN_PASSWORD;
    }
    throw new IllegalStateException(generated + " is gone: the admin password was changed after the first start,"
        + " so only the person who changed it knows it");
  }

  /** The Nexus process running from this installation, found through the pid file Karaf writes. */
  public Optional<ProcessHandle> runningProcess() {
    Path pidFile = dataDir().resolve("karaf.pid");
    try {
      if (!Files.isRegularFile(pidFile)) {
        return Optional.empty();
      }
      long pid = Long.parseLong(Files.readString(pidFile).strip());
      // The pid of a Nexus that died may since belong to another program: only a JVM of this installation counts.
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::runsFromHere);
    }
    catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private boolean runsFromHere(final ProcessHandle process) {
    Optional<String> commandLine = process.info().commandLine();
    try {
      Path real = installDir().toRealPath();
      return commandLine.map(line -> line.contains("-Dkaraf.home=" + installDir() + " ")
          || line.contains("-Dkaraf.home=" + real + " ")).orElse(false);
    }
    catch (IOException e) {
      return false;
    }
  }

  private Properties properties() {
    Properties properties = new Properties();
    Path file = propertiesFile();
    if (Files.isRegularFile(file)) {
      try (Reader in = Files.newBufferedReader(file)) {
        properties.load(in);
      }
      catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
    return properties;
  }

  private Path propertiesFile() {
    return dataDir().resolve("etc/nexus.properties");
  }
}
