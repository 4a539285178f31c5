package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.net.URI;
import java.util.Locale;

import javax.annotation.Nullable;

/** The scheme, host and port a URL reaches, its port made explicit: where credentials and fetches go. */
final class Origin
{
  private final String scheme;

  private final String host;

  private final int port;

  private Origin(final String scheme, final String host, final int port) {
    this.scheme = scheme.toLowerCase(Locale.ROOT);
    this.host = host.toLowerCase(Locale.ROOT);
    this.port = port;
  }

  static Origin of(final URI url) {
    String scheme = url.getScheme() == null ? "http" : url.getScheme();
    return new Origin(scheme, url.getHost() == null ? "" : url.getHost(), port(scheme, url.getPort()));
  }

  /** The port, or the scheme's default for a URL that gives none ({@code -1}). */
  static int port(final String scheme, final int port) {
    if (port >= 0) {
      return port;
    }
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }

  int port() {
    return port;
  }

  /** {@code scheme} {@code null} when the asker does not say, {@code port} {@code -1} for the scheme's default. */
  boolean is(@Nullable final String otherScheme, @Nullable final String otherHost, final int otherPort) {
    String askedScheme = otherScheme == null ? scheme : otherScheme;
    return otherHost != null && otherHost.equalsIgnoreCase(host) && askedScheme.equalsIgnoreCase(scheme)
        && port(askedScheme, otherPort) == port;
  }
}
