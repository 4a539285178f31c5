package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;

import javax.annotation.Nullable;

import org.sonatype.nexus.repository.view.Content;

/**
 * The files a proxy is fetching right now, by path: a request for one of them follows the fetch under way instead
 * of starting another, however it reached the proxy.
 */
final class InFlightDownloads
{
  interface Start
  {
    /** Starts fetching and answers with the file as it arrives; {@code null} when upstream has no such file. */
    @Nullable
    Content start() throws IOException;
  }

  private final ConcurrentMap<String, CompletableFuture<Content>> downloads = new ConcurrentHashMap<>();

  @Nullable
  Content follow(final String path, final Start start) throws IOException {
    CompletableFuture<Content> mine = new CompletableFuture<>();
    CompletableFuture<Content> running = downloads.putIfAbsent(path, mine);
    if (running != null) {
      return join(running);
    }
    try {
      Content content = start.start();
      if (content == null) {
        downloads.remove(path, mine);
      }
      mine.complete(content);
      return content;
    }
    catch (IOException | RuntimeException e) {
      downloads.remove(path, mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }

  /** The fetch ended, stored or failed: the next request looks in the cache again. */
  void ended(final String path) {
    downloads.remove(path);
  }

  private static Content join(final CompletableFuture<Content> running) throws IOException {
    try {
      return running.get();
    }
    catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while waiting for a download", e);
    }
    catch (ExecutionException | CancellationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof RuntimeException) {
        // A refusal with its own status (a file host the proxy will not fetch from) reaches every follower as is.
        throw (RuntimeException) cause;
      }
      throw cause instanceof IOException ? (IOException) cause : new IOException(cause.getMessage(), cause);
    }
  }
}
