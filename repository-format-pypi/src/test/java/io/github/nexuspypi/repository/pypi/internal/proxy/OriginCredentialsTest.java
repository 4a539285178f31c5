package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.net.URI;

import org.sonatype.nexus.httpclient.config.BearerTokenAuthenticationConfiguration;
import org.sonatype.nexus.httpclient.config.UsernameAuthenticationConfiguration;

import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.Credentials;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OriginCredentialsTest
{
  private static final Credentials UPSTREAM = new UsernamePasswordCredentials("reader", "secret");

  private final OriginCredentials credentials =
      new OriginCredentials(URI.create("https://Index.Example.com/simple/"), UPSTREAM);

  @Test
  void theRemoteUrlsOriginGetsThemAsAChallengeAsksForThem() {
    assertEquals(UPSTREAM, credentials.getCredentials(
        new AuthScope(new HttpHost("index.example.com", 443, "https"), "realm", "basic")));
  }

  @Test
  void preemptiveAuthenticationNamesHostAndPortOnly() {
    assertEquals(UPSTREAM, credentials.getCredentials(new AuthScope("index.example.com", 443)));
    assertEquals(UPSTREAM, credentials.getCredentials(new AuthScope("index.example.com", -1)),
        "no port in the URL: the scheme's default");
  }

  @Test
  void anotherHostPortOrSchemeGetsNone() {
    assertNull(credentials.getCredentials(new AuthScope(new HttpHost("files.example.com", 443, "https"))));
    assertNull(credentials.getCredentials(new AuthScope(new HttpHost("index.example.com", 8443, "https"))));
    assertNull(credentials.getCredentials(new AuthScope(new HttpHost("index.example.com", 443, "http"))));
    assertNull(credentials.getCredentials(new AuthScope(new HttpHost("index.example.com", -1, "http"))));
    assertNull(credentials.getCredentials(AuthScope.ANY), "any host is no origin");
  }

  @Test
  void credentialsAUrlCarriesStayWithItsHost() {
    Credentials inUrl = new UsernamePasswordCredentials("u", "p");
    credentials.setCredentials(new AuthScope(new HttpHost("files.example.com", 80, "http")), inUrl);

    assertEquals(inUrl, credentials.getCredentials(new AuthScope(new HttpHost("files.example.com", 80, "http"))));
    assertNull(credentials.getCredentials(new AuthScope(new HttpHost("other.example.com", 80, "http"))));
    credentials.clear();
    assertNull(credentials.getCredentials(new AuthScope(new HttpHost("files.example.com", 80, "http"))));
  }

  @Test
  void withoutConfiguredCredentialsTheOriginGetsNone() {
    OriginCredentials none = new OriginCredentials(URI.create("http://index.example.com/"), null);

    assertNull(none.getCredentials(new AuthScope(new HttpHost("index.example.com", 80, "http"))));
  }

  @Test
  void madeFromTheRepositoryConfigurationAsNexusMakesThem() {
    UsernameAuthenticationConfiguration username = new UsernameAuthenticationConfiguration();
    username.setUsername("reader");
    username.setPassword("secret");

    assertEquals(UPSTREAM, OriginCredentials.of(username));
    assertNull(OriginCredentials.of(new BearerTokenAuthenticationConfiguration()));
    assertNull(OriginCredentials.of(null));
  }
}
