package io.github.nexuspypi.it.junit;

import io.github.nexuspypi.it.files.FileTrees;
import io.github.nexuspypi.it.nexus.BuildOutputs;
import io.github.nexuspypi.it.nexus.LoopbackPorts;
import io.github.nexuspypi.it.nexus.NexusAdminClient;
import io.github.nexuspypi.it.nexus.NexusHttp;
import io.github.nexuspypi.it.nexus.NexusInstallation;
import io.github.nexuspypi.it.nexus.NexusServer;
import io.github.nexuspypi.it.nexus.NexusSettings;
import io.github.nexuspypi.it.nexus.RunBlobStore;
import io.github.nexuspypi.it.nexus.S3Server;
import io.github.nexuspypi.it.process.ProcessTree;
import io.github.nexuspypi.it.python.PythonClients;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Boots one Nexus for the whole test run, the first time a test asks for it, and stops it when the run ends: it
 * lives in the root context's store, which JUnit closes last. Injects {@link Nexus} and {@link PythonClients} into
 * fields (static ones before all tests of a class) and parameters.
 */
public final class NexusExtension implements BeforeAllCallback, TestInstancePostProcessor, ParameterResolver
{
  private static final Namespace NAMESPACE = Namespace.create(NexusExtension.class);

  private static final Set<Class<?>> INJECTED = Set.of(Nexus.class, PythonClients.class);

  /**
   * Two busy cores boot Nexus in about a minute; five leave room for a slow CI machine. A machine shared with other
   * builds may need more: {@code -Dit.bootTimeoutMinutes}.
   */
  private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(Long.getLong("it.bootTimeoutMinutes", 5));

  @Override
  public void beforeAll(final ExtensionContext context) {
    inject(context.getRequiredTestClass(), null, context);
  }

  @Override
  public void postProcessTestInstance(final Object testInstance, final ExtensionContext context) {
    inject(testInstance.getClass(), testInstance, context);
  }

  @Override
  public boolean supportsParameter(final ParameterContext parameter, final ExtensionContext context) {
    return INJECTED.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(final ParameterContext parameter, final ExtensionContext context) {
    return value(parameter.getParameter().getType(), context);
  }

  private static void inject(final Class<?> testClass, final Object instance, final ExtensionContext context) {
    List<Field> fields = ReflectionSupport.findFields(testClass,
        field -> INJECTED.contains(field.getType()) && Modifier.isStatic(field.getModifiers()) == (instance == null),
        HierarchyTraversalMode.TOP_DOWN);
    for (Field field : fields) {
      try {
        field.setAccessible(true);
        field.set(instance, value(field.getType(), context));
      }
      catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot inject " + field, e);
      }
    }
  }

  private static Object value(final Class<?> type, final ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    if (type == Nexus.class) {
      return store.getOrComputeIfAbsent(BootedNexus.class, key -> BootedNexus.boot(), BootedNexus.class).nexus();
    }
    return store.getOrComputeIfAbsent(PythonClients.class, key -> new PythonClients(workDir().resolve("python")),
        PythonClients.class);
  }

  private static Path workDir() {
    return BuildOutputs.fromSystemProperty().buildDir().resolve("it-work");
  }

  /** The run's Nexus, or why it did not boot: a failed boot is reported to every test, not retried by each. */
  private static final class BootedNexus implements ExtensionContext.Store.CloseableResource
  {
    private final NexusInstallation installation;

    private final NexusSettings settings;

    private volatile NexusServer server;

    private final Nexus nexus;

    private final RuntimeException failure;

    private final Thread shutdownHook;

    private final S3Server s3;

    private BootedNexus(final NexusInstallation installation, final NexusSettings settings, final NexusServer server,
                        final S3Server s3, final RuntimeException failure)
    {
      this.installation = installation;
      this.settings = settings;
      this.server = server;
      this.s3 = s3;
      this.nexus = server == null ? null
          : new Nexus(installation, server.baseUri(), this::restart, this::killAndRestart, s3);
      this.failure = failure;
      // Should the JVM end without JUnit closing the store (a killed fork), Nexus must not be left running.
      this.shutdownHook = server == null ? null : new Thread(this::stop, "stop-nexus");
      if (shutdownHook != null) {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
      }
    }

    static BootedNexus boot() {
      BuildOutputs outputs = BuildOutputs.fromSystemProperty();
      NexusInstallation installation = NexusInstallation.at(workDir().resolve("nexus"));
      // A Nexus of an earlier run that was killed before it could stop its own.
      installation.runningProcess().ifPresent(leftover -> ProcessTree.terminate(leftover, Duration.ofSeconds(30)));
      NexusSettings settings = NexusSettings.forTests(LoopbackPorts.free());
      NexusServer server = null;
      S3Server s3 = null;
      try {
        FileTrees.fresh(installation.workDir());
        installation.installFrom(outputs.nexusTemplate());
        installation.replacePlugins(outputs.pluginKars());
        long started = System.nanoTime();
        server = NexusServer.start(installation, settings);
        server.awaitWritable(BOOT_TIMEOUT);
        System.out.printf("Nexus booted in %d s at %s with plugins %s (logs in %s)%n",
            Duration.ofNanos(System.nanoTime() - started).toSeconds(), server.baseUri(), outputs.pluginKars(),
            installation.workDir());
        if (RunBlobStore.fromSystemProperty() == RunBlobStore.S3) {
          s3 = S3Server.start(FileTrees.fresh(workDir().resolve("s3")));
          new NexusAdminClient(NexusHttp.anonymous(server.baseUri())
              .as(NexusSettings.ADMIN_USER, installation.adminPassword()))
              .createS3BlobStore(RunBlobStore.S3.blobStoreName(), s3);
          System.out.printf("Repositories are on the S3 blob store %s at %s (objects in %s)%n",
              RunBlobStore.S3.blobStoreName(), s3.endpoint(), s3.directory());
        }
        return new BootedNexus(installation, settings, server, s3, null);
      }
      catch (RuntimeException e) {
        if (server != null) {
          server.stop();
        }
        if (s3 != null) {
          s3.close();
        }
        return new BootedNexus(installation, settings, null, null, e);
      }
    }

    Nexus nexus() {
      if (failure != null) {
        throw new IllegalStateException("Nexus did not boot: " + failure.getMessage(), failure);
      }
      return nexus;
    }

    /** Stops Nexus and starts it again on the same port and data, waiting until it accepts writes. */
    private synchronized void restart() {
      server.stop();
      start();
    }

    /** As {@link #restart()}, but Nexus is killed ({@code kill -9}) instead of stopped. */
    private synchronized void killAndRestart() {
      server.kill();
      start();
    }

    private void start() {
      long started = System.nanoTime();
      server = NexusServer.start(installation, settings).awaitWritable(BOOT_TIMEOUT);
      System.out.printf("Nexus restarted in %d s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    private synchronized void stop() {
      server.stop();
      if (s3 != null) {
        s3.close();
      }
    }

    @Override
    public void close() {
      if (server != null) {
        stop();
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      }
    }
  }
}
