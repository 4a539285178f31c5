package io.github.nexuspypi.it.junit;

import io.github.nexuspypi.it.nexus.CountedBlobStore;
import io.github.nexuspypi.it.nexus.NexusAdminClient;
import io.github.nexuspypi.it.nexus.NexusHttp;
import io.github.nexuspypi.it.nexus.NexusInstallation;
import io.github.nexuspypi.it.nexus.NexusSettings;
import io.github.nexuspypi.it.nexus.S3Server;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/** The Nexus a test talks to: where it is, and clients logged in as admin or as nobody. */
public final class Nexus
{
  private final NexusInstallation installation;

  private final NexusHttp anonymous;

  private final NexusAdminClient admin;

  private final AtomicInteger names = new AtomicInteger();

  private final Runnable restart;

  private final Runnable killAndRestart;

  /** The S3 server of the run's S3 blob store ({@code -Dit.blobStore=s3}), or null. */
  private final S3Server s3;

  Nexus(final NexusInstallation installation, final URI baseUri, final Runnable restart,
        final Runnable killAndRestart, final S3Server s3)
  {
    this.installation = installation;
    this.restart = restart;
    this.killAndRestart = killAndRestart;
    this.s3 = s3;
    this.anonymous = NexusHttp.anonymous(baseUri);
    this.admin = new NexusAdminClient(anonymous.as(NexusSettings.ADMIN_USER, installation.adminPassword()));
  }

  public URI baseUri() {
    return anonymous.baseUri();
  }

  /** {@code <base>/repository/<name>/}, the root of a repository's content. */
  public URI repositoryUri(final String name) {
    return anonymous.resolve("repository/" + name + "/");
  }

  public NexusAdminClient admin() {
    return admin;
  }

  /** HTTP as the administrator. */
  public NexusHttp http() {
    return admin.http();
  }

  public NexusHttp anonymous() {
    return anonymous;
  }

  public NexusHttp as(final String user, final String password) {
    return anonymous.as(user, password);
  }

  public String adminPassword() {
    return installation.adminPassword();
  }

  public NexusInstallation installation() {
    return installation;
  }

  /**
   * A blob store of a test's own whose blobs it can count, of the run's kind: a file blob store, or an S3 blob store
   * on the run's S3 server.
   */
  public CountedBlobStore countedBlobStore(final String name) {
    return s3 == null
        ? CountedBlobStore.create(admin, installation, name)
        : CountedBlobStore.createOnS3(admin, s3, name);
  }

  /**
   * Stops Nexus and starts it again with the same data, port and password, and returns once it accepts writes
   * (about a minute). Every test class shares this Nexus, so only what happens at startup is worth a restart.
   */
  public void restart() {
    restart.run();
  }

  /**
   * Kills Nexus ({@code kill -9}, no shutdown of any kind) and starts it again as {@link #restart()} does: for what
   * must survive a crash.
   */
  public void killAndRestart() {
    killAndRestart.run();
  }

  /**
   * A name no other test of this run uses, e.g. {@code raw-static-3}: all test classes share one Nexus, so the
   * repositories, users and roles they create must not collide.
   */
  public String uniqueName(final String prefix) {
    return prefix + "-" + names.incrementAndGet();
  }
}
