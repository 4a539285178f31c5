package io.github.nexuspypi.it.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * A server that answers ten connections (and closes them), then closes the next ten as soon as their requests
 * have arrived, and so on: more drops in a row than the JDK's client retries a GET by itself before it gives up.
 * What the load generators' tests count dropped connections against.
 */
final class DroppingServer
    implements AutoCloseable
{
  private final ServerSocket socket;

  DroppingServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    new Thread(this::answerInRuns, "dropping-server").start();
  }

  /** A GET of its ten-byte file. */
  HttpRequest request() {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/file")).build();
  }

  private void answerInRuns() {
    for (int connection = 0; !socket.isClosed(); connection++) {
      try (Socket accepted = socket.accept()) {
        BufferedReader request = new BufferedReader(new InputStreamReader(accepted.getInputStream(),
            StandardCharsets.ISO_8859_1));
        for (String line = request.readLine(); line != null && !line.isEmpty(); line = request.readLine()) {
          // The request's headers: read, not needed.
        }
        if (connection / 10 % 2 == 0) {
          OutputStream out = accepted.getOutputStream();
          out.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\nConnection: close\r\n\r\n0123456789"
              .getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
        }
      }
      catch (IOException closed) {
        // The test closed the server socket, or the client went away: nothing to answer.
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
