package io.github.nexuspypi.repository.pypi.internal.download;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import javax.inject.Named;
import javax.inject.Singleton;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Memory mappings of the files downloaded most recently, kept between downloads. A mapping sent to the socket is
 * copied once, by the kernel, from the page cache (as {@code sendfile} does for nginx and gunicorn), where reading a
 * file into Jetty's buffer and writing that costs a second copy and a system call per buffer: with a kept mapping a
 * download of the 1.7 MB pip wheel took 30 % less of Nexus's CPU and Nexus served 20 to 40 % more of them.
 *
 * <p>Mappings are kept, not made per download: unmapping in a process of hundreds of threads costs a TLB shootdown
 * on every core, and a mapping per download was slower than no mapping. A mapping left to the garbage collector is
 * unmapped only when its buffer is collected, which a server with little garbage does late, and every mapping holds
 * one of the kernel's {@code vm.max_map_count} entries that the JVM's thread stacks also need. So this keeps at most
 * {@link #MOST_MAPPINGS} of them and unmaps one itself once it is evicted and no download is sending it. A download
 * that fails mid-send may leave Jetty still holding the buffer: its mapping is then never unmapped here (the
 * collector does it), which bounds what failures leak to one mapping per file evicted after one.
 *
 * <p>Only files up to {@link #LARGEST_FILE} are mapped; larger ones are read through Jetty's buffers. Where the
 * platform offers no way to unmap, nothing is mapped. A mapping keeps its file's disk space after the file is
 * deleted, so mappings of deleted files are let go at most a {@link #SWEEP_INTERVAL} later, on a new mapping.
 */
@Named
@Singleton
public class MappedFiles
{
  private static final Logger log = LoggerFactory.getLogger(MappedFiles.class);

  static final long LARGEST_FILE = 64L * 1024 * 1024;

  static final int MOST_MAPPINGS = 1024;

  // How often kept mappings of deleted files are let go: each holds its file's disk space while it is kept.
  static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

  /** Unmaps a mapping at once; {@code sun.misc.Unsafe.invokeCleaner} on this JVM. */
  interface Unmapper
  {
    void unmap(MappedByteBuffer buffer);
  }

  private final Optional<Unmapper> unmapper;

  private final int mostMappings;

  private final Map<Path, Mapping> mappings = new ConcurrentHashMap<>();

  private final Object adding = new Object();

  private final AtomicLong clock = new AtomicLong();

  private final AtomicBoolean toldMapFailed = new AtomicBoolean();

  private final LongSupplier nanoTime;

  private long nextSweep;

  public MappedFiles() {
    this(platformUnmapper(), MOST_MAPPINGS, System::nanoTime);
  }

  MappedFiles(final Optional<Unmapper> unmapper, final int mostMappings) {
    this(unmapper, mostMappings, System::nanoTime);
  }

  MappedFiles(final Optional<Unmapper> unmapper, final int mostMappings, final LongSupplier nanoTime) {
    this.unmapper = unmapper;
    this.mostMappings = mostMappings;
    this.nanoTime = nanoTime;
    this.nextSweep = nanoTime.getAsLong() + SWEEP_INTERVAL.toNanos();
  }

  /**
   * The mapping of {@code file} (whose open {@code channel} holds {@code size} bytes) for one download, kept or made
   * now; empty where the file is not to be mapped or mapping failed. The lease must be released once sent.
   */
  public Optional<Lease> lease(final Path file, final FileChannel channel, final long size) {
    if (unmapper.isEmpty() || size <= 0 || size > LARGEST_FILE) {
      return Optional.empty();
    }
    Optional<Lease> kept = kept(file, size);
    if (kept.isPresent()) {
      return kept;
    }
    synchronized (adding) {
      // Another download of the file may have mapped it while this one waited.
      kept = kept(file, size);
      if (kept.isPresent()) {
        return kept;
      }
      MappedByteBuffer buffer;
      try {
        buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
      }
      catch (IOException | RuntimeException e) {
        if (toldMapFailed.compareAndSet(false, true)) {
          log.warn("Cannot map {}; files are read through Jetty's buffers where they cannot be mapped: {}", file,
              e.toString());
        }
        return Optional.empty();
      }
      Mapping added = new Mapping(buffer, size);
      added.enter();
      Mapping replaced = mappings.put(file, added);
      if (replaced != null) {
        replaced.evict();
      }
      letGoOfDeletedFiles();
      while (mappings.size() > mostMappings) {
        mappings.entrySet().stream()
            .filter(entry -> entry.getValue() != added)
            .min(Comparator.comparingLong(entry -> entry.getValue().lastUsed))
            .ifPresent(eldest -> mappings.remove(eldest.getKey()).evict());
      }
      return Optional.of(new Lease(added));
    }
  }

  /**
   * A lease of the kept mapping of {@code file} of {@code size} bytes, without opening the file; empty when none is
   * kept. Opening the file for each download cost a system call pair and the JVM's cleaner registration, under one
   * global lock on which request threads waited 10 ms and more under load.
   */
  public Optional<Lease> leaseKept(final Path file, final long size) {
    return unmapper.isEmpty() ? Optional.empty() : kept(file, size);
  }

  int size() {
    return mappings.size();
  }

  /** A lease of the kept mapping of the file, if there is one of its size that is not being unmapped. */
  private Optional<Lease> kept(final Path file, final long size) {
    Mapping kept = mappings.get(file);
    return kept != null && kept.size == size && kept.enter() ? Optional.of(new Lease(kept)) : Optional.empty();
  }

  /**
   * At most once a {@link #SWEEP_INTERVAL}, on a new mapping: a kept mapping of a file deleted since (a blob deleted
   * and compacted away) would hold its disk space until newer downloads pushed it out.
   */
  private void letGoOfDeletedFiles() {
    long now = nanoTime.getAsLong();
    if (now - nextSweep < 0) {
      return;
    }
    nextSweep = now + SWEEP_INTERVAL.toNanos();
    mappings.forEach((file, mapping) -> {
      if (!Files.exists(file) && mappings.remove(file, mapping)) {
        mapping.evict();
      }
    });
  }

  private static Optional<Unmapper> platformUnmapper() {
    try {
      Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
      field.setAccessible(true);
      sun.misc.Unsafe unsafe = (sun.misc.Unsafe) field.get(null);
      return Optional.of(unsafe::invokeCleaner);
    }
    catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      log.info("Files are read through Jetty's buffers: this JVM offers no way to unmap a file ({})", e.toString());
      return Optional.empty();
    }
  }

  /** One download's use of a mapping. */
  public final class Lease
  {
    private final Mapping mapping;

    private Lease(final Mapping mapping) {
      this.mapping = mapping;
    }

    /** {@code length} bytes from {@code offset}, for this download alone to send. */
    public ByteBuffer bytes(final long offset, final long length) {
      return mapping.buffer.duplicate().position((int) offset).limit((int) (offset + length));
    }

    /** Ends the download's use; {@code sent} false when the send failed and Jetty may still hold the bytes. */
    public void release(final boolean sent) {
      mapping.leave(sent);
    }
  }

  private final class Mapping
  {
    // Downloads sending it; CLOSED once unmapped, after which it can be entered no more.
    private static final int CLOSED = -1;

    private final MappedByteBuffer buffer;

    private final long size;

    private final AtomicInteger users = new AtomicInteger();

    private volatile boolean evicted;

    private volatile boolean failedSend;

    private volatile long lastUsed;

    private Mapping(final MappedByteBuffer buffer, final long size) {
      this.buffer = buffer;
      this.size = size;
    }

    boolean enter() {
      for (int now = users.get(); now != CLOSED; now = users.get()) {
        if (users.compareAndSet(now, now + 1)) {
          lastUsed = clock.incrementAndGet();
          return true;
        }
      }
      return false;
    }

    void leave(final boolean sent) {
      if (!sent) {
        failedSend = true;
      }
      users.decrementAndGet();
      closeIfUnused();
    }

    void evict() {
      evicted = true;
      closeIfUnused();
    }

    private void closeIfUnused() {
      if (evicted && !failedSend && users.compareAndSet(0, CLOSED)) {
        unmapper.ifPresent(unmap -> unmap.unmap(buffer));
      }
    }
  }
}
