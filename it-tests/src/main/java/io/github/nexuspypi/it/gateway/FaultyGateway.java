package io.github.nexuspypi.it.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP gateway in front of Nexus that fails connections on demand, the way networks and load balancers do: the
 * next connections can be answered {@code 503} once their request has been read, or reset (RST) after their first
 * bytes; every other connection is passed through to Nexus byte for byte.
 */
public final class FaultyGateway
    implements AutoCloseable
{
  public enum Fault
  {
    SERVICE_UNAVAILABLE,
    CONNECTION_RESET
  }

  private final ServerSocket server;

  private final InetSocketAddress target;

  private final Deque<Fault> faults = new ArrayDeque<>();

  private final AtomicInteger connections = new AtomicInteger();

  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "faulty-gateway");
    thread.setDaemon(true);
    return thread;
  });

  private FaultyGateway(final InetSocketAddress target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::accept);
  }

  /** A gateway to {@code target}'s host and port. */
  public static FaultyGateway to(final URI target) throws IOException {
    return new FaultyGateway(new InetSocketAddress(target.getHost(), target.getPort()));
  }

  /** {@code target} with the gateway's host and port instead. */
  public URI through(final URI target) {
    return URI.create("http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort()
        + target.getRawPath());
  }

  /** The next connections, one fault each, in order; later ones pass. */
  public synchronized FaultyGateway failNext(final Fault... next) {
    for (Fault fault : next) {
      faults.add(fault);
    }
    return this;
  }

  /** How many connections clients opened so far. */
  public int connections() {
    return connections.get();
  }

  private synchronized Fault nextFault() {
    return faults.poll();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        connections.incrementAndGet();
        Fault fault = nextFault();
        threads.execute(() -> serve(client, fault));
      }
      catch (IOException e) {
        return;
      }
    }
  }

  private void serve(final Socket client, final Fault fault) {
    try (client) {
      if (fault == Fault.CONNECTION_RESET) {
        client.getInputStream().read(new byte[1024]);
        client.setSoLinger(true, 0);
        return;
      }
      if (fault == Fault.SERVICE_UNAVAILABLE) {
        readRequest(client.getInputStream());
        String body = "The gateway says: try again later.";
        client.getOutputStream().write(("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\n"
            + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
            .getBytes(StandardCharsets.US_ASCII));
        return;
      }
      try (Socket upstream = new Socket(target.getAddress(), target.getPort())) {
        threads.execute(() -> pipe(client, upstream));
        pipe(upstream, client);
      }
    }
    catch (IOException e) {
      // The client or Nexus went away: the connection ends, as it would without the gateway.
    }
  }

  /** Reads one request's head and its Content-Length body, so that its 503 is what the client reads. */
  private static void readRequest(final InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int last4 = 0;
    while (last4 != 0x0d0a0d0a) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      head.write(b);
      last4 = (last4 << 8) | b;
    }
    long length = 0;
    for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Long.parseLong(line.substring("content-length:".length()).strip());
      }
    }
    in.skipNBytes(length);
  }

  private static void pipe(final Socket from, final Socket to) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      in.transferTo(out);
      to.shutdownOutput();
    }
    catch (IOException e) {
      // One side closed: the other follows when its own copy ends.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
