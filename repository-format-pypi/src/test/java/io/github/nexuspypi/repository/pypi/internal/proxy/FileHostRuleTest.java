package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileHostRuleTest
{
  private static final NexusAddress NEXUS = new NexusAddress("127.0.0.1", 8081);

  private static final Map<String, String> DNS = Map.of(
      "pypi.org", "151.101.0.223",
      "files.pythonhosted.org", "151.101.1.63",
      "sneaky.example.com", "127.0.0.5",
      "metadata.example.com", "169.254.169.254");

  private final FileHostRule pypiOrg = rule("https://pypi.org/");

  @Test
  void publicFileHostsAreFetched() {
    assertEquals(Optional.empty(), pypiOrg.refusal(URI.create("https://files.pythonhosted.org/packages/a.whl")));
    assertEquals(Optional.empty(), pypiOrg.refusal(URI.create("http://10.1.2.3/a.whl")), "site-local mirrors");
  }

  @Test
  void loopbackLinkLocalAndAnyLocalAddressesAreRefused() {
    for (String url : new String[] {"http://127.0.0.1:9000/a.whl", "http://127.0.0.2/a.whl", "http://[::1]/a.whl",
        "http://169.254.169.254/latest/a.whl", "http://[fe80::1]/a.whl", "http://0.0.0.0/a.whl",
        "http://[::ffff:127.0.0.1]/a.whl", "http://sneaky.example.com/a.whl", "http://metadata.example.com/a.whl"}) {
      Optional<String> refusal = pypiOrg.refusal(URI.create(url));
      assertTrue(refusal.isPresent() && refusal.get().contains("internal address"), url + ": " + refusal);
    }
  }

  @Test
  void anUpstreamOnAnInternalAddressMayLinkFilesThere() {
    FileHostRule local = rule("http://127.0.0.1:9000/");

    assertEquals(Optional.empty(), local.refusal(URI.create("http://127.0.0.1:9001/a.whl")));
    assertTrue(local.refusal(URI.create("http://127.0.0.2:9001/a.whl")).isPresent(), "another internal address");
  }

  @Test
  void thisNexusIsRefusedUnlessTheRemoteUrlIsThisNexus() {
    FileHostRule local = rule("http://127.0.0.1:9000/");
    Optional<String> refusal = local.refusal(URI.create("http://127.0.0.1:8081/service/rest/a.whl"));
    assertTrue(refusal.isPresent() && refusal.get().contains("this Nexus"), refusal::toString);

    FileHostRule ofHosted = rule("http://127.0.0.1:8081/repository/hosted/");
    assertEquals(Optional.empty(), ofHosted.refusal(URI.create("http://127.0.0.1:8081/repository/hosted/a.whl")));
  }

  @Test
  void nexusOnEveryInterfaceIsReachedOnLoopbackToo() {
    FileHostRule everywhere = new FileHostRule(URI.create("https://pypi.org/"), new NexusAddress("0.0.0.0", 8081),
        FileHostRuleTest::resolve);

    Optional<String> refusal = everywhere.refusal(URI.create("http://127.0.0.1:8081/a.whl"));
    assertTrue(refusal.isPresent() && refusal.get().contains("this Nexus"), refusal::toString);
  }

  @Test
  void aHostThatDoesNotResolveIsLeftToTheFetch() {
    assertEquals(Optional.empty(), pypiOrg.refusal(URI.create("http://unknown.example.com/a.whl")));
    assertTrue(pypiOrg.refusal(URI.create("file:///etc/passwd")).isPresent(), "no host");
  }

  private static FileHostRule rule(final String remoteUrl) {
    return new FileHostRule(URI.create(remoteUrl), NEXUS, FileHostRuleTest::resolve);
  }

  /** Names from the table above; literals as the JDK reads them; anything else unknown. */
  private static InetAddress[] resolve(final String host) throws UnknownHostException {
    String address = DNS.get(host);
    if (address != null) {
      return new InetAddress[] {InetAddress.getByName(address)};
    }
    if (host.contains(".example.")) {
      throw new UnknownHostException(host);
    }
    return InetAddress.getAllByName(host);
  }
}
