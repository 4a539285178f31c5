package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which hosts a proxy fetches files from. An upstream page names any URL it likes for a file, so a hostile one could
 * make the proxy read what only the Nexus machine can reach and serve it to any reader: its loopback services, the
 * cloud metadata service at a link-local address, or this Nexus itself. Those are refused, unless the remote URL
 * itself is there: an index on the same machine, or a proxy of another repository of this Nexus.
 */
public final class FileHostRule
{
  interface Resolver
  {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final URI remoteUrl;

  private final NexusAddress nexus;

  private final Resolver resolver;

  public FileHostRule(final URI remoteUrl, final NexusAddress nexus) {
    this(remoteUrl, nexus, InetAddress::getAllByName);
  }

  FileHostRule(final URI remoteUrl, final NexusAddress nexus, final Resolver resolver) {
    this.remoteUrl = remoteUrl;
    this.nexus = nexus;
    this.resolver = resolver;
  }

  /**
   * Why a file at {@code url} must not be fetched; empty when it may be. A host that does not resolve here is left
   * to the fetch, which fails, or which an outbound HTTP proxy resolves on its own side.
   */
  Optional<String> refusal(final URI url) {
    if (url.getHost() == null) {
      return Optional.of("the link " + url + " names no host");
    }
    List<InetAddress> remote = addresses(remoteUrl.getHost());
    int port = Origin.of(url).port();
    for (InetAddress address : addresses(url.getHost())) {
      if (nexus.isReachedAt(address, port) && !(remote.contains(address) && port == Origin.of(remoteUrl).port())) {
        return Optional.of("the link " + url + " leads to this Nexus (" + address.getHostAddress() + ":" + port
            + "), which is no file host of the upstream " + remoteUrl);
      }
      if (isInternal(address) && !remote.contains(address)) {
        return Optional.of("the link " + url + " leads to the internal address " + address.getHostAddress()
            + ", which is no file host of the upstream " + remoteUrl);
      }
    }
    return Optional.empty();
  }

  private static boolean isInternal(final InetAddress address) {
    return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress();
  }

  private List<InetAddress> addresses(final String host) {
    try {
      return List.of(resolver.resolve(host));
    }
    catch (UnknownHostException e) {
      return List.of();
    }
  }
}
