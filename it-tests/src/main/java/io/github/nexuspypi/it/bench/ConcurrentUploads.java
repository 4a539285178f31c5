package io.github.nexuspypi.it.bench;

import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.nexus.NexusHttp;
import io.github.nexuspypi.it.upload.LegacyUpload;
import io.github.nexuspypi.it.upload.LegacyUploadClient;
import io.github.nexuspypi.it.upload.UploadResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Tiny generated wheels sent by a number of twine-like clients at once (one multipart POST per file, as twine sends
 * it), into one repository: how the growth benchmarks fill a repository fast, and how they measure uploads. Each
 * client writes the next wheel, uploads it, deletes it; every answer must be a 200, or the run fails.
 */
public final class ConcurrentUploads
{
  private final LegacyUploadClient client;

  private final Path folder;

  private final ProcessHandle server;

  /** @param folder where the wheels are written while they are sent */
  public ConcurrentUploads(final NexusHttp http, final String repository, final Path folder,
                           final ProcessHandle server)
  {
    this.client = LegacyUploadClient.to(http, repository);
    this.folder = folder;
    this.server = server;
  }

  /** What a run sent, how long it took, and the CPU time the server spent meanwhile. */
  public record Run(int files, Duration elapsed, Duration serverCpu)
  {
    public double filesPerSecond() {
      return files / (elapsed.toNanos() / 1e9);
    }

    public double serverCpuMillisPerFile() {
      return serverCpu.toNanos() / 1e6 / files;
    }
  }

  /** Sends the wheels {@code from} (inclusive) to {@code to} (exclusive) that {@code wheel} makes of their index. */
  public Run send(final int clients, final IntFunction<WheelBuilder> wheel, final int from, final int to) {
    return run(clients, wheel, from, to, Long.MAX_VALUE);
  }

  /** Sends wheels from index {@code from} on until {@code window} has passed; the files under way then still count. */
  public Run sendFor(final int clients, final IntFunction<WheelBuilder> wheel, final int from,
                     final Duration window)
  {
    return run(clients, wheel, from, Integer.MAX_VALUE, System.nanoTime() + window.toNanos());
  }

  private Run run(final int clients, final IntFunction<WheelBuilder> wheel, final int from, final int to,
                  final long deadlineNanos)
  {
    AtomicInteger next = new AtomicInteger(from);
    AtomicInteger sent = new AtomicInteger();
    AtomicReference<String> failure = new AtomicReference<>();
    Duration cpuBefore = ProcessCpu.of(server);
    long started = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Thread thread = new Thread(() -> {
        while (failure.get() == null && System.nanoTime() - deadlineNanos < 0) {
          int index = next.getAndIncrement();
          if (index >= to) {
            return;
          }
          try {
            String problem = upload(wheel.apply(index));
            if (problem != null) {
              failure.compareAndSet(null, problem);
              return;
            }
            sent.incrementAndGet();
          }
          catch (RuntimeException e) {
            failure.compareAndSet(null, e.toString());
            return;
          }
        }
      }, "upload-client-" + c);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      }
      catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while uploading", e);
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    if (failure.get() != null) {
      throw new AssertionError("An upload failed: " + failure.get());
    }
    return new Run(sent.get(), elapsed, ProcessCpu.of(server).minus(cpuBefore));
  }

  /** Null when the file was stored, else what went wrong. */
  private String upload(final WheelBuilder wheel) {
    Path file = wheel.writeTo(folderOf(Thread.currentThread().getName()));
    try {
      UploadResponse response = client.upload(LegacyUpload.of(file));
      return response.status() == 200 ? null : file.getFileName() + ": " + response.describe();
    }
    finally {
      try {
        Files.deleteIfExists(file);
      }
      catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  // A folder per client: two clients never write the same file name at once.
  private Path folderOf(final String client) {
    try {
      return Files.createDirectories(folder.resolve(client));
    }
    catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
