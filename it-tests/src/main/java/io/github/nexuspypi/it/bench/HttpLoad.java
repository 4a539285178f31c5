package io.github.nexuspypi.it.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop HTTP load generator: a fixed number of connections, each sending the same GET again as soon as the
 * previous answer is read, first for a warm-up, then for a measured window. Bodies are counted, not kept, so the
 * client spends as little as it can per byte; every answer must have the expected status and length, or the run
 * fails (a load that counts dropped connections sends a request again when the server closed or reset its
 * connection without an answer, as wrk counts socket errors). Each request's latency (from sending to the body's last byte) goes into a {@link LatencyHistogram}, one
 * for the warm-up and a fresh one for the measured window.
 */
public final class HttpLoad
    implements LoadGenerator
{
  private static final String DROPPED = "dropped";

  // HTTP/1.1 as pip and most clients speak it, and no h2c upgrade attempt that one side might treat differently.
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  private final ProcessHandle server;

  private final boolean countsDroppedConnections;

  private HttpLoad(final ProcessHandle server, final boolean countsDroppedConnections) {
    this.server = server;
    this.countsDroppedConnections = countsDroppedConnections;
  }

  /** {@code server} is the process whose CPU time each result reports. */
  public HttpLoad(final ProcessHandle server) {
    this(server, false);
  }

  /**
   * A load for servers that are not ours, which may close or reset a connection without answering under load (the
   * kit's python http.server does): such a request is counted in {@link LoadResult#dropped()} and sent again. A
   * wrong answer still fails the run.
   */
  public static HttpLoad countingDroppedConnections(final ProcessHandle server) {
    return new HttpLoad(server, true);
  }

  public LoadResult run(final HttpRequest request, final long expectedLength, final int connections,
                        final Duration warmUp, final Duration measured)
  {
    return run(request, 200, expectedLength, connections, warmUp, measured);
  }

  /** Every answer must have {@code expectedStatus}: 206 for a range, 304 for a conditional GET that matches. */
  @Override
  public LoadResult run(final HttpRequest request, final int expectedStatus, final long expectedLength,
                        final int connections, final Duration warmUp, final Duration measured)
  {
    AtomicReference<LatencyHistogram> latencies = new AtomicReference<>(new LatencyHistogram());
    LongAdder requests = new LongAdder();
    LongAdder bytes = new LongAdder();
    LongAdder dropped = new LongAdder();
    AtomicReference<String> failure = new AtomicReference<>();
    CountDownLatch failed = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Thread worker = new Thread(() -> {
        while (failure.get() == null && !Thread.currentThread().isInterrupted()) {
          long sent = System.nanoTime();
          String problem;
          try {
            problem = exchange(request, expectedStatus, expectedLength);
          }
          catch (IOException e) {
            problem = countsDroppedConnections ? DROPPED : e.toString();
          }
          if (Thread.currentThread().isInterrupted()) {
            return;
          }
          if (DROPPED.equals(problem)) {
            dropped.increment();
            continue;
          }
          if (problem != null) {
            failure.compareAndSet(null, problem);
            failed.countDown();
            return;
          }
          latencies.get().record(Duration.ofNanos(System.nanoTime() - sent));
          requests.increment();
          bytes.add(expectedLength);
        }
      }, "http-load-" + i);
      worker.start();
      workers.add(worker);
    }
    try {
      boolean stoppedEarly = failed.await(warmUp.toNanos(), TimeUnit.NANOSECONDS);
      Sample start = sample(requests, bytes, dropped);
      latencies.set(new LatencyHistogram());
      stoppedEarly = stoppedEarly || failed.await(measured.toNanos(), TimeUnit.NANOSECONDS);
      Sample end = sample(requests, bytes, dropped);
      // Requests that end after this sample are not counted in the rate; they stay out of the latencies too.
      LatencyHistogram window = latencies.getAndSet(new LatencyHistogram());
      workers.forEach(Thread::interrupt);
      for (Thread worker : workers) {
        worker.join();
      }
      if (stoppedEarly || failure.get() != null) {
        throw new AssertionError("GET " + request.uri() + ": " + failure.get());
      }
      return end.minus(start, window);
    }
    catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while loading " + request.uri(), e);
    }
  }

  /** One request; null when it answered as expected, else what was wrong. */
  private String exchange(final HttpRequest request, final int expectedStatus, final long expectedLength)
      throws IOException
  {
    try {
      HttpResponse<Long> response = client.send(request, info -> new CountingSubscriber());
      if (response.statusCode() != expectedStatus || response.body() != expectedLength) {
        return "status " + response.statusCode() + " with " + response.body() + " bytes, expected "
            + expectedStatus + " with " + expectedLength;
      }
      return null;
    }
    catch (InterruptedException e) {
      // Interrupted at the end of the run: the request in flight is not counted, and is no failure.
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private Sample sample(final LongAdder requests, final LongAdder bytes, final LongAdder dropped) {
    return new Sample(requests.sum(), bytes.sum(), dropped.sum(), System.nanoTime(), ProcessCpu.of(server),
        ProcessCpu.of(ProcessHandle.current()));
  }

  private record Sample(long requests, long bytes, long dropped, long nanos, Duration serverCpu,
                        Duration clientCpu)
  {
    LoadResult minus(final Sample start, final LatencyHistogram latencies) {
      return new LoadResult(requests - start.requests, bytes - start.bytes, Duration.ofNanos(nanos - start.nanos),
          serverCpu.minus(start.serverCpu), clientCpu.minus(start.clientCpu), latencies.percentile(50),
          latencies.percentile(99), dropped - start.dropped);
    }
  }

  /** Counts a body's bytes without copying them out of the client's buffers. */
  private static final class CountingSubscriber implements HttpResponse.BodySubscriber<Long>
  {
    private final CompletableFuture<Long> total = new CompletableFuture<>();

    private long count;

    @Override
    public CompletionStage<Long> getBody() {
      return total;
    }

    @Override
    public void onSubscribe(final Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(final List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        count += buffer.remaining();
      }
    }

    @Override
    public void onError(final Throwable error) {
      total.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      total.complete(count);
    }
  }
}
