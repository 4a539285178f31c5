package io.github.nexuspypi.repository.pypi.internal.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.nexuspypi.core.index.ProjectListEntry;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.repository.pypi.internal.download.JettyOutputs;
import io.github.nexuspypi.repository.pypi.internal.download.MappedFiles;
import io.github.nexuspypi.repository.pypi.internal.download.SendGate;

import org.sonatype.nexus.repository.view.Content;

import com.google.common.hash.Hashing;
import org.eclipse.jetty.server.HttpOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpooledRootTest
{
  @TempDir
  Path temporary;

  private final ExecutorService threads = Executors.newCachedThreadPool();

  private final AtomicInteger builds = new AtomicInteger();

  private final List<String> projects = new ArrayList<>(List.of("Alpha", "beta"));

  private SpooledRoot root;

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  private SpooledRoot.Projects listed() {
    return out -> {
      builds.incrementAndGet();
      for (String project : List.copyOf(projects)) {
        out.add(new ProjectListEntry(project));
      }
    };
  }

  private SpooledRoot root() {
    if (root == null) {
      root = new SpooledRoot(temporary, "root-", new MappedFiles(), new SendGate());
    }
    return root;
  }

  private static String read(final Content page) throws IOException {
    try (InputStream in = page.openInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void bothFormatsAreWrittenInOnePassAndServedUntilTheNextChange() throws IOException {
    Content html = root().page(SimpleFormat.TEXT_HTML, listed());
    Content json = root().page(SimpleFormat.JSON_V1, listed());
    root().page(SimpleFormat.HTML_V1, listed());

    assertEquals(1, builds.get());
    assertTrue(read(html).contains(">Alpha</a>"), read(html));
    assertTrue(read(json).contains("\"name\":\"beta\""), read(json));
    assertEquals("text/html; charset=utf-8", html.getContentType());
    assertEquals(SimpleFormat.JSON_V1.mediaType(), json.getContentType());
  }

  /** The page is sent as a stored file is: Jetty gets its kept mapping, the new page's after a change. */
  @Test
  void jettyIsHandedThePagesMappedBytes() throws IOException {
    List<String> sent = new ArrayList<>();
    HttpOutput output = JettyOutputs.writingTo(sent);
    sendTo(root().page(SimpleFormat.JSON_V1, listed()), output);
    projects.add("gamma");
    root().changed();

    sendTo(root().page(SimpleFormat.JSON_V1, listed()), output);

    assertEquals(2, sent.size());
    assertFalse(sent.get(0).contains("gamma"));
    assertTrue(sent.get(1).contains("\"name\":\"gamma\""));
  }

  private static void sendTo(final Content page, final HttpOutput output) throws IOException {
    try (InputStream in = page.openInputStream()) {
      page.getPayload().copy(in, output);
    }
  }

  @Test
  void aChangeHasThePageWrittenAgainWithNewValidators() throws IOException {
    Content before = root().page(SimpleFormat.JSON_V1, listed());
    projects.add("gamma");
    root().changed();

    Content after = root().page(SimpleFormat.JSON_V1, listed());

    assertEquals(2, builds.get());
    assertTrue(read(after).contains("gamma"), read(after));
    assertNotEquals(before.getAttributes().get(Content.CONTENT_ETAG), after.getAttributes().get(Content.CONTENT_ETAG));
  }

  @Test
  void theEtagIsTheSha256OfTheBytesSentAndTheSizeTheirs() throws IOException {
    Content json = root().page(SimpleFormat.JSON_V1, listed());
    byte[] body;
    try (InputStream in = json.openInputStream()) {
      body = in.readAllBytes();
    }

    assertEquals(Hashing.sha256().hashBytes(body).toString(), json.getAttributes().get(Content.CONTENT_ETAG));
    assertEquals(body.length, json.getSize());
  }

  @Test
  void concurrentFirstRequestsBuildThePageOnce() throws Exception {
    CountDownLatch building = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    SpooledRoot.Projects slow = out -> {
      builds.incrementAndGet();
      building.countDown();
      await(finish);
      out.add(new ProjectListEntry("only"));
    };
    Future<Content> first = threads.submit(() -> root().page(SimpleFormat.JSON_V1, slow));
    building.await();
    List<Thread> waiting = new ArrayList<>();
    List<Future<Content>> others = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      others.add(threads.submit(() -> {
        synchronized (waiting) {
          waiting.add(Thread.currentThread());
        }
        return root().page(SimpleFormat.TEXT_HTML, slow);
      }));
    }
    awaitParked(waiting, 4);
    finish.countDown();

    assertTrue(read(first.get()).contains("only"));
    for (Future<Content> other : others) {
      assertTrue(read(other.get()).contains(">only<"));
    }
    assertEquals(1, builds.get());
  }

  @Test
  void aPageHandedOutStaysWholeWhileTheNextIsWrittenAndAfter() throws Exception {
    Content old = root().page(SimpleFormat.JSON_V1, listed());
    String oldBody = read(old);
    root().changed();
    CountDownLatch halfWritten = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    Future<Content> rebuilt = threads.submit(() -> root().page(SimpleFormat.JSON_V1, out -> {
      out.add(new ProjectListEntry("new-one"));
      halfWritten.countDown();
      await(finish);
      out.add(new ProjectListEntry("new-two"));
    }));
    halfWritten.await();

    assertEquals(oldBody, read(old));
    finish.countDown();
    String newBody = read(rebuilt.get());
    assertTrue(newBody.contains("new-one") && newBody.contains("new-two"), newBody);
    assertEquals(oldBody, read(old));
  }

  @Test
  void aFailedBuildLeavesNoFileAndTheNextRequestBuildsAgain() throws IOException {
    assertThrows(IOException.class, () -> root().page(SimpleFormat.JSON_V1, out -> {
      out.add(new ProjectListEntry("half"));
      throw new IOException("the database went away");
    }));
    assertEquals(List.of(), files());

    assertTrue(read(root().page(SimpleFormat.JSON_V1, listed())).contains("Alpha"));
  }

  @Test
  void onlyTheCurrentPageAndTheOneBeforeStayOnDiskAndDiscardRemovesThem() throws IOException {
    for (int i = 0; i < 5; i++) {
      root().changed();
      root().page(SimpleFormat.JSON_V1, listed());
    }
    assertEquals(4, files().size(), files().toString());

    root().discard();

    assertEquals(List.of(), files());
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(temporary)) {
      return files.collect(Collectors.toList());
    }
  }

  private static void await(final CountDownLatch latch) throws IOException {
    try {
      latch.await();
    }
    catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** Waits until {@code count} threads have registered and each is parked, here on the build's lock. */
  private static void awaitParked(final List<Thread> threads, final int count) {
    while (true) {
      synchronized (threads) {
        if (threads.size() == count && threads.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING)) {
          return;
        }
      }
      Thread.onSpinWait();
    }
  }
}
