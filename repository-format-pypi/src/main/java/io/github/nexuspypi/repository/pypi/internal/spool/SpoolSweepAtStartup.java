package io.github.nexuspypi.repository.pypi.internal.spool;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;

import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

import org.sonatype.goodies.lifecycle.LifecycleSupport;
import org.sonatype.nexus.common.app.ApplicationDirectories;
import org.sonatype.nexus.common.app.ManagedLifecycle;

import static org.sonatype.nexus.common.app.ManagedLifecycle.Phase.SERVICES;

/**
 * Deletes the spool files an earlier Nexus process left behind when it died mid-upload (they can be hundreds of MB
 * each). The cutoff is the start of this JVM, not of this component: no request of this process can have written a
 * file before its JVM started, so an upload in flight is never touched, even should the plugin start late.
 */
@Named
@Singleton
@ManagedLifecycle(phase = SERVICES)
public class SpoolSweepAtStartup
    extends LifecycleSupport
{
  /** Nexus's temporary folder, where every spool file of the plugin is written. */
  private final Path directory;

  @Inject
  public SpoolSweepAtStartup(final ApplicationDirectories applicationDirectories) {
    directory = applicationDirectories.getTemporaryDirectory().toPath().toAbsolutePath().normalize();
  }

  @Override
  protected void doStart() {
    LeftoverSpoolFiles leftovers = new LeftoverSpoolFiles(
        Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
    try {
      LeftoverSpoolFiles.Swept swept = leftovers.sweep(directory);
      log.info("Deleted {} PyPI spool files ({} bytes) left in {} by an earlier run", swept.files(), swept.bytes(),
          directory);
    }
    catch (IOException | RuntimeException e) {
      // A folder that cannot be swept must not keep Nexus from starting.
      log.warn("Could not delete the PyPI spool files left in {}", directory, e);
    }
  }
}
