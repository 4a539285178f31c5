package io.github.nexuspypi.it.nexus;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real S3 API on a loopback port: S3Proxy in this JVM, keeping each bucket as a folder under {@link #directory()}
 * (jclouds' filesystem backend), an object as a file at its key. In this JVM rather than a child process because it
 * needs no other installation and a test can stop and start it on the same port like an outage of the S3 service.
 */
public final class S3Server implements AutoCloseable
{
  public static final String ACCESS_KEY = "nexus-pypi-it";

  public static final String SECRET_KEY = "nexus-pypi-it-secret";

  /** Any region: the endpoint override decides where requests go, but Nexus's S3 client wants one. */
  public static final String REGION = "us-east-1";

  private final Path directory;

  private final int port;

  private final BlobStoreContext backend;

  private final TransferHold hold = new TransferHold();

  private S3Proxy proxy;

  private S3Server(final Path directory, final int port) {
    this.directory = directory;
    this.port = port;
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", directory.toString());
    this.backend = ContextBuilder.newBuilder("filesystem").overrides(properties).build(BlobStoreContext.class);
  }

  /** Starts S3Proxy on a free loopback port with its buckets under {@code directory}, which it creates. */
  public static S3Server start(final Path directory) {
    return start(directory, LoopbackPorts.free());
  }

  /** Starts S3Proxy on {@code port} of 127.0.0.1 with its buckets under {@code directory}, which it creates. */
  public static S3Server start(final Path directory, final int port) {
    try {
      Files.createDirectories(directory);
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + directory, e);
    }
    S3Server server = new S3Server(directory, port);
    server.up();
    return server;
  }

  /** {@code http://127.0.0.1:<port>}, for a blob store's endpoint override with path-style access. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public Path directory() {
    return directory;
  }

  /** Where the objects of {@code bucket} are files, at their keys. */
  public Path bucketDirectory(final String bucket) {
    return directory.resolve(bucket);
  }

  /** Starts serving again on the same port and content after {@link #down()}. */
  public synchronized void up() {
    if (proxy != null) {
      return;
    }
    hold.reset();
    S3Proxy started = S3Proxy.builder()
        .blobStore(new HoldingBlobStore(backend.getBlobStore(), hold))
        .endpoint(endpoint())
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .build();
    try {
      // Jetty's start returns once the port is bound.
      started.start();
    }
    catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not start at " + endpoint(), e);
    }
    proxy = started;
  }

  /**
   * Stops serving, as an S3 service that went away: transfers in flight break off and connections are refused until
   * {@link #up()}.
   */
  public synchronized void down() {
    if (proxy == null) {
      return;
    }
    hold.breakAll();
    try {
      proxy.stop();
    }
    catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not stop at " + endpoint(), e);
    }
    proxy = null;
  }

  /**
   * From now on every object body S3 receives or sends stops after its first {@code bytes} and waits there until
   * {@link #down()}: a test takes S3 away in the middle of a transfer without racing it.
   */
  public void holdTransfersAfter(final long bytes) {
    hold.arm(bytes);
  }

  /** Returns once a transfer waits at the hold {@link #holdTransfersAfter} set (at most two minutes). */
  public void awaitHeldTransfer() {
    hold.awaitHeld();
  }

  @Override
  public void close() {
    down();
    backend.close();
  }
}
