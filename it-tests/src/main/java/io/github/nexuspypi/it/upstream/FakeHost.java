package io.github.nexuspypi.it.upstream;

import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One of the two HTTP servers of a {@link FakeIndex}, on a loopback port that stays the same across
 * {@link #down()} and {@link #up()}, so that the absolute links on pages and a proxy's remote URL keep pointing at it.
 */
public final class FakeHost
{
  public enum Role
  {
    /** Serves {@code /simple/} and the projects' pages, as pypi.org does. */
    INDEX,
    /** Serves the files and their {@code .metadata}, as files.pythonhosted.org does. */
    FILES
  }

  // Slow and trickling answers hold a worker each; Grizzly's default pool is sized by the CPUs, 2 on CI.
  private static final int WORKERS = 32;

  // Held so that their levels stay set: Grizzly logs every start and stop, and Jersey warns of a resource
  // registered as an object (which is how resources get their index) as if it were a misplaced provider.
  private static final List<Logger> QUIETED = List.of(
      quiet("org.glassfish.grizzly", Level.WARNING),
      quiet("org.glassfish.jersey.internal.inject.Providers", Level.SEVERE));

  private final Role role;

  private final RequestLog log;

  private final List<Object> resources;

  private final Map<String, Fault> faults = new ConcurrentHashMap<>();

  private final Fault everywhere = new Fault();

  private volatile String authorization;

  private HttpServer server;

  private volatile int port;

  FakeHost(final Role role, final RequestLog log, final Object... resources) {
    this.role = role;
    this.log = log;
    this.resources = List.of(resources);
    up();
  }

  public Role role() {
    return role;
  }

  /** {@code http://127.0.0.1:<port>/}. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  /** Stops the server: connections in flight are closed, new ones refused, until {@link #up()}. */
  public synchronized void down() {
    if (server != null) {
      server.shutdownNow();
      server = null;
    }
  }

  /** Starts the server again on the same port (the first start takes a free one). */
  public synchronized void up() {
    if (server != null) {
      return;
    }
    HttpServer started = GrizzlyHttpServerFactory.createHttpServer(uri(), application(), false);
    NetworkListener listener = started.getListeners().iterator().next();
    listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
        .setCorePoolSize(WORKERS).setMaxPoolSize(WORKERS));
    try {
      started.start();
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot start the fake index's " + role + " host on port " + port, e);
    }
    port = listener.getPort();
    server = started;
  }

  public synchronized boolean isUp() {
    return server != null;
  }

  /** From now on, a request without these credentials is answered 401 with a Basic challenge. */
  public void basicAuth(final String user, final String password) {
    String token = user + ":" + password;
    authorization = "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
  }

  /** Drops the credentials {@link #basicAuth} asked for. */
  public void withoutAuth() {
    authorization = null;
  }

  /** The fault for requests to exactly {@code path} (no query), e.g. {@link FakeFile#path()}. */
  public Fault at(final String path) {
    return faults.computeIfAbsent(path, key -> new Fault());
  }

  /** The fault for every request to this host. */
  public Fault everywhere() {
    return everywhere;
  }

  /** Switches off every fault of this host, per path and host-wide. */
  public void clearFaults() {
    faults.clear();
    everywhere.clear();
  }

  Fault faultFor(final String path) {
    Fault fault = faults.get(path);
    return fault == null ? everywhere : fault.orElse(everywhere);
  }

  boolean admits(final String authorizationHeader) {
    String required = authorization;
    return required == null || required.equals(authorizationHeader);
  }

  private ResourceConfig application() {
    return new ResourceConfig()
        .registerInstances(resources.toArray())
        .register(new RequestGate(this, log))
        .register(BodyFaults.class)
        .property(ServerProperties.WADL_FEATURE_DISABLE, true)
        // BodyFaults sets every body's Content-Length; Jersey's buffer would hold back what it flushes.
        .property(ServerProperties.OUTBOUND_CONTENT_LENGTH_BUFFER, 0);
  }

  private static Logger quiet(final String name, final Level level) {
    Logger logger = Logger.getLogger(name);
    logger.setLevel(level);
    return logger;
  }
}
