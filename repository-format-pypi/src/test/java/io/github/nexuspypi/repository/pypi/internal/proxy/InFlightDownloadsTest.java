package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.payloads.BytesPayload;

import com.google.common.util.concurrent.Uninterruptibles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InFlightDownloadsTest
{
  private static final String PATH = "packages/demo/1.0/demo-1.0-py3-none-any.whl";

  private final InFlightDownloads downloads = new InFlightDownloads();

  private final ExecutorService threads = Executors.newCachedThreadPool();

  private final AtomicInteger fetches = new AtomicInteger();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void aRequestForAFileUnderWayFollowsItInsteadOfFetchingAgain() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Content content = content();
    Future<Content> first = threads.submit(() -> downloads.follow(PATH, () -> {
      fetches.incrementAndGet();
      started.countDown();
      Uninterruptibles.awaitUninterruptibly(release);
      return content;
    }));
    started.await();

    // Started while the first is under way: it joins it, whether it waits or finds it already answered.
    Future<Content> second = threads.submit(() -> downloads.follow(PATH, this::fetch));
    release.countDown();

    assertSame(content, first.get());
    assertSame(content, second.get());
    assertEquals(1, fetches.get());
  }

  @Test
  void afterTheFetchEndedTheNextRequestFetchesAgain() throws Exception {
    downloads.follow(PATH, this::fetch);
    downloads.ended(PATH);

    downloads.follow(PATH, this::fetch);

    assertEquals(2, fetches.get());
  }

  @Test
  void aFileUpstreamDoesNotHaveIsNotRemembered() throws Exception {
    assertNull(downloads.follow(PATH, () -> {
      fetches.incrementAndGet();
      return null;
    }));

    downloads.follow(PATH, this::fetch);

    assertEquals(2, fetches.get());
  }

  @Test
  void aFailedFetchFailsItsRequestAndIsNotRemembered() throws Exception {
    assertThrows(IOException.class, () -> downloads.follow(PATH, () -> {
      throw new IOException("upstream reset the connection");
    }));

    downloads.follow(PATH, this::fetch);

    assertEquals(1, fetches.get());
  }

  private Content fetch() {
    fetches.incrementAndGet();
    return content();
  }

  private static Content content() {
    return new Content(new BytesPayload(new byte[] {1, 2, 3}, "application/octet-stream"));
  }
}
