package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OriginTest
{
  private static final Origin PYPI = Origin.of(URI.create("https://PyPI.org/simple/"));

  @Test
  void thePortIsTheSchemesDefaultWhenTheUrlGivesNone() {
    assertEquals(443, PYPI.port());
    assertEquals(80, Origin.of(URI.create("http://mirror.example/simple/")).port());
    assertEquals(8443, Origin.of(URI.create("https://mirror.example:8443/simple/")).port());
  }

  @Test
  void theSameHostSchemeAndPortIsTheSameOriginWhateverTheCase() {
    assertTrue(PYPI.is("https", "pypi.org", 443));
    assertTrue(PYPI.is("HTTPS", "PYPI.ORG", -1), "the default port, spelled out or not");
  }

  @Test
  void anAskerThatGivesNoSchemeMeansTheOriginsOwn() {
    assertTrue(PYPI.is(null, "pypi.org", 443));
    assertTrue(PYPI.is(null, "pypi.org", -1));
  }

  @Test
  void anotherHostSchemeOrPortIsAnotherOrigin() {
    assertFalse(PYPI.is("https", "files.pythonhosted.org", 443));
    assertFalse(PYPI.is("http", "pypi.org", -1), "plain http reaches port 80, elsewhere");
    assertFalse(PYPI.is("https", "pypi.org", 8443));
    assertFalse(PYPI.is("https", null, 443));
  }

  @Test
  void aUrlWithoutSchemeOrHostReachesNoHost() {
    Origin relative = Origin.of(URI.create("/simple/"));

    assertEquals(80, relative.port());
    assertFalse(relative.is(null, "pypi.org", 80));
  }
}
