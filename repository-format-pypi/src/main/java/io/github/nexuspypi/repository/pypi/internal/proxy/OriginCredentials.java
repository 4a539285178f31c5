package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.net.URI;

import javax.annotation.Nullable;

import org.sonatype.nexus.httpclient.config.AuthenticationConfiguration;
import org.sonatype.nexus.httpclient.config.NtlmAuthenticationConfiguration;
import org.sonatype.nexus.httpclient.config.UsernameAuthenticationConfiguration;

import org.apache.http.auth.AuthScope;
import org.apache.http.auth.Credentials;
import org.apache.http.auth.NTCredentials;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.client.CredentialsProvider;
import org.apache.http.impl.client.BasicCredentialsProvider;

/**
 * The proxy's upstream credentials, offered to the origin (scheme, host, port) of the remote URL and to no other
 * host. Nexus files them under "any host", so a files host on another origin that asks, or one a redirect leads to,
 * would get them; each request upstream gets its own provider of this kind in their place. Credentials that a URL
 * carries itself ({@code http://user:pass@host/}) stay with that URL's host, as the HTTP client files them. The
 * check of a new proxy's remote URL asks upstream under the same rule.
 */
public final class OriginCredentials
    implements CredentialsProvider
{
  private final Origin origin;

  @Nullable
  private final Credentials credentials;

  private final BasicCredentialsProvider fromUrls = new BasicCredentialsProvider();

  public OriginCredentials(final URI remoteUrl, @Nullable final Credentials credentials) {
    this.origin = Origin.of(remoteUrl);
    this.credentials = credentials;
  }

  /** The credentials a repository's {@code httpclient.authentication} gives, as Nexus's client builds them. */
  @Nullable
  public static Credentials of(@Nullable final AuthenticationConfiguration authentication) {
    if (authentication instanceof UsernameAuthenticationConfiguration) {
      UsernameAuthenticationConfiguration username = (UsernameAuthenticationConfiguration) authentication;
      return new UsernamePasswordCredentials(username.getUsername(), username.getPassword());
    }
    if (authentication instanceof NtlmAuthenticationConfiguration) {
      NtlmAuthenticationConfiguration ntlm = (NtlmAuthenticationConfiguration) authentication;
      return new NTCredentials(ntlm.getUsername(), ntlm.getPassword(), ntlm.getHost(), ntlm.getDomain());
    }
    // A bearer token is no HTTP client credential: Nexus's generic proxy never sends it.
    return null;
  }

  @Override
  public void setCredentials(final AuthScope scope, final Credentials given) {
    fromUrls.setCredentials(scope, given);
  }

  @Nullable
  @Override
  public Credentials getCredentials(final AuthScope scope) {
    return credentials != null && isOrigin(scope) ? credentials : fromUrls.getCredentials(scope);
  }

  @Override
  public void clear() {
    fromUrls.clear();
  }

  /**
   * A scope names no scheme when Nexus's preemptive authentication asks, and no port when the URL gives none; the
   * remote URL's scheme and its default port then stand in.
   */
  private boolean isOrigin(final AuthScope scope) {
    return origin.is(scope.getOrigin() != null ? scope.getOrigin().getSchemeName() : null, scope.getHost(),
        scope.getPort());
  }
}
