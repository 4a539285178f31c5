package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.annotation.Nullable;

import io.github.nexuspypi.repository.pypi.internal.DistributionContentTypes;

import org.sonatype.nexus.repository.view.Content;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A proxy's files served while they download: each download runs on a thread of its own into a {@link GrowingFile}
 * that every request for the file follows, and is stored once it has arrived whole and been accepted. A request
 * that comes while its file is under way follows that download instead of starting another.
 */
final class StreamingDownloads
{
  /** Verifies a file that has arrived whole and stores it; fails when the file is refused. */
  interface Store
  {
    void store(Path file) throws IOException;
  }

  private static final Logger log = LoggerFactory.getLogger(StreamingDownloads.class);

  // Readers stay this far behind a download until the file is verified, so a refused one never reaches a client
  // whole.
  private static final long HOLD_BACK = 64 * 1024;

  private static final int BUFFER_BYTES = 64 * 1024;

  private final Path temporaryDirectory;

  private final String repository;

  private final InFlightDownloads inFlight = new InFlightDownloads();

  private final ExecutorService threads;

  /** @param repository the proxy, as thread names and the log name it */
  StreamingDownloads(final Path temporaryDirectory, final String repository) {
    this.temporaryDirectory = temporaryDirectory;
    this.repository = repository;
    String threadName = "pypi-proxy-download-" + repository;
    this.threads = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
  }

  /** The download of {@code path} under way, else the one {@code start} starts. */
  @Nullable
  Content follow(final String path, final InFlightDownloads.Start start) throws IOException {
    return inFlight.follow(path, start);
  }

  /**
   * Downloads upstream's answer for {@code target} in the background and answers with the file as it arrives, once a
   * reader would get bytes: a small file that turns out wrong is then a failure rather than a cut body.
   *
   * @param url where upstream has the file, for the log
   * @param stored the stored copy, for a reader that comes after the download's own file was cleaned away
   */
  Content stream(final ProxyTarget target, final String url, final Content remote, final Store store,
                 final GrowingPayload.StoredCopy stored) throws IOException
  {
    GrowingFile file = new GrowingFile(Files.createTempFile(temporaryDirectory, "pypi-download-", ".part"),
        HOLD_BACK);
    threads.execute(() -> download(target, url, remote, store, file));
    file.awaitReadable();
    return new Content(remote, new GrowingPayload(file, remote.getSize(),
        DistributionContentTypes.of(target.filename()), stored));
  }

  /** Lets the downloads under way finish; starts no other. */
  void shutdown() {
    threads.shutdown();
  }

  private void download(final ProxyTarget target, final String url, final Content remote, final Store store,
                        final GrowingFile file)
  {
    try (InputStream in = remote.openInputStream()) {
      byte[] buffer = new byte[BUFFER_BYTES];
      int read;
      while ((read = in.read(buffer)) >= 0) {
        file.write(buffer, 0, read);
      }
      file.closeWriter();
      store.store(file.file());
      file.finish();
    }
    catch (IOException | RuntimeException e) {
      log.warn("Proxy {} could not fetch {} from {}: {}", repository, target.path(), url, e.toString());
      file.fail(e instanceof IOException ? (IOException) e : new IOException(e.getMessage(), e));
    }
    finally {
      inFlight.ended(target.path());
      try {
        remote.close();
      }
      catch (IOException e) {
        log.debug("Closing the upstream answer for {}", target.path(), e);
      }
    }
  }
}
