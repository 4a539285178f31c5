package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProxyTargetTest
{
  @Test
  void pagesAreAskedRelativeToTheIndexUrlWhateverItsShape() {
    for (String indexUrl : new String[]{"https://pypi.org/simple/", "http://devpi:3141/root/pypi/+simple/",
        "http://proxpi:5000/index/", "https://art/artifactory/api/pypi/pypi-remote/simple/"}) {
      URI index = URI.create(indexUrl);

      assertEquals(index, index.resolve(ProxyTarget.of("/simple/").orElseThrow().upstreamPath()));
      assertEquals(URI.create(indexUrl + "foo-bar/"),
          index.resolve(ProxyTarget.of("/simple/foo-bar/").orElseThrow().upstreamPath()));
    }
  }
}
