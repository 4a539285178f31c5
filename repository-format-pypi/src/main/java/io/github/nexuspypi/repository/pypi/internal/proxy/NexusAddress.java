package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;

import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

/**
 * Where this Nexus listens for HTTP ({@code application-host} and {@code application-port}): a proxy must not take
 * a file link to it for an upstream file, or any upstream could have the proxy read this Nexus's own pages from
 * inside.
 */
@Named
@Singleton
public class NexusAddress
{
  private final InetAddress host;

  private final int port;

  @Inject
  public NexusAddress(@Named("${application-host:-0.0.0.0}") final String host,
                      @Named("${application-port:-8081}") final int port)
  {
    try {
      this.host = InetAddress.getByName(host);
    }
    catch (UnknownHostException e) {
      throw new UncheckedIOException("Nexus's application-host " + host + " does not resolve", e);
    }
    this.port = port;
  }

  /** Whether a connection to {@code address} and {@code port} reaches this Nexus. */
  public boolean isReachedAt(final InetAddress address, final int port) {
    if (port != this.port) {
      return false;
    }
    if (!host.isAnyLocalAddress()) {
      return host.equals(address);
    }
    // Listening on every interface: any address of this machine reaches it.
    return address.isAnyLocalAddress() || address.isLoopbackAddress() || isLocalInterface(address);
  }

  private static boolean isLocalInterface(final InetAddress address) {
    try {
      return NetworkInterface.getByInetAddress(address) != null;
    }
    catch (SocketException e) {
      throw new UncheckedIOException(new IOException("Cannot list this machine's addresses", e));
    }
  }
}
