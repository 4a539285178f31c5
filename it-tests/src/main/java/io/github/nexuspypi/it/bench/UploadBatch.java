package io.github.nexuspypi.it.bench;

import io.github.nexuspypi.it.upload.LegacyUpload;
import io.github.nexuspypi.it.upload.LegacyUploadClient;
import io.github.nexuspypi.it.upload.UploadResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Uploads as {@link HttpLoad} measures downloads, for a {@link Comparison}: a batch of distinct files POSTed one after
 * another as twine sends them, each a new file that the repository must store, timed as a {@link LoadResult} with
 * the server's CPU time. One connection, as one CI job publishes.
 */
public final class UploadBatch
{
  private final ProcessHandle server;

  /** {@code server} is the process whose CPU time each result reports. */
  public UploadBatch(final ProcessHandle server) {
    this.server = server;
  }

  /** Uploads every file; any answer but 200 fails the run. */
  public LoadResult upload(final LegacyUploadClient client, final List<Path> files) {
    LatencyHistogram latencies = new LatencyHistogram();
    long bytes = 0;
    Duration serverCpu = ProcessCpu.of(server);
    Duration clientCpu = ProcessCpu.of(ProcessHandle.current());
    long started = System.nanoTime();
    for (Path file : files) {
      long sent = System.nanoTime();
      UploadResponse response = client.upload(LegacyUpload.of(file));
      if (response.status() != 200) {
        throw new AssertionError("Upload of " + file.getFileName() + ": " + response.describe());
      }
      latencies.record(Duration.ofNanos(System.nanoTime() - sent));
      bytes += size(file);
    }
    return new LoadResult(files.size(), bytes, Duration.ofNanos(System.nanoTime() - started),
        ProcessCpu.of(server).minus(serverCpu), ProcessCpu.of(ProcessHandle.current()).minus(clientCpu),
        latencies.percentile(50), latencies.percentile(99), 0);
  }

  private static long size(final Path file) {
    try {
      return Files.size(file);
    }
    catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
