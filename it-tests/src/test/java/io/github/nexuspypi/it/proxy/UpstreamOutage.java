package io.github.nexuspypi.it.proxy;

import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.upstream.FakeIndex;

/**
 * Both hosts of a fake index stopped while a proxy of it must refresh everything it keeps: what clients then get
 * comes from the proxy's cache alone, after the proxy tried upstream and failed.
 */
final class UpstreamOutage
{
  private UpstreamOutage() {
  }

  static void during(final FakeIndex upstream, final Nexus nexus, final String proxy, final Runnable run) {
    upstream.indexHost().down();
    upstream.filesHost().down();
    try {
      nexus.admin().invalidateCache(proxy);
      run.run();
    }
    finally {
      upstream.indexHost().up();
      upstream.filesHost().up();
    }
  }
}
