package io.github.nexuspypi.it.nexus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** TCP ports on the loopback interface, where every server of these tests listens. */
public final class LoopbackPorts
{
  private LoopbackPorts() {
  }

  /** A port free right now; another process could take it before it is used, which on a test box is rare. */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
    catch (IOException e) {
      throw new UncheckedIOException("No free port on the loopback interface", e);
    }
  }

  public static boolean isFree(final int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    }
    catch (IOException e) {
      return false;
    }
  }
}
