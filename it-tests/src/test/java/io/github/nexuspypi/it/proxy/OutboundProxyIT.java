package io.github.nexuspypi.it.proxy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.ExtDirect;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.upstream.FakeFile;
import io.github.nexuspypi.it.upstream.FakeIndex;
import io.github.nexuspypi.it.upstream.ForwardProxy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A company's Nexus reaches the internet through an outbound HTTP proxy (System → HTTP in the admin UI): the PyPI
 * proxy's page and file requests, to both of upstream's hosts, go through it.
 */
@NexusTest
class OutboundProxyIT
{
  private static Nexus nexus;

  @Test
  void pagesAndFilesAreFetchedThroughNexussOutboundProxy() throws Exception {
    try (FakeIndex upstream = FakeIndex.start(); ForwardProxy outbound = ForwardProxy.start()) {
      WheelBuilder wheel = WheelBuilder.of("via-proxy", "1.0");
      FakeFile file = upstream.project("via-proxy").file(wheel.fileName(), wheel.toBytes());
      String proxy = nexus.uniqueName("pypi-outbound");
      nexus.admin().createRepository(RepositoryDefinition.proxy("pypi", proxy, upstream.uri().toString()));
      httpSettings(outbound.port());
      try {
        IndexPages pages = new IndexPages(nexus.anonymous(), proxy);
        URI fileUrl = pages.fileUri("via-proxy", file.filename());
        HttpResponse<byte[]> download = nexus.anonymous().send(nexus.anonymous().request(fileUrl.toString()).build(),
            HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, download.statusCode());
        assertArrayEquals(file.bytes(), download.body());
        List<URI> forwarded = outbound.forwarded();
        assertTrue(forwarded.contains(upstream.simpleUri().resolve("via-proxy/")), forwarded::toString);
        assertTrue(forwarded.contains(file.uri()), forwarded::toString);
      }
      finally {
        httpSettings(null);
      }
    }
  }

  /** System → HTTP, as the admin UI saves it: an HTTP proxy on this port, or none. */
  private static void httpSettings(final Integer proxyPort) {
    ObjectNode settings = JsonNodeFactory.instance.objectNode().put("httpEnabled", proxyPort != null);
    if (proxyPort != null) {
      settings.put("httpHost", "127.0.0.1").put("httpPort", proxyPort);
    }
    new ExtDirect(nexus.http()).data("coreui_HttpSettings", "update", settings);
  }
}
