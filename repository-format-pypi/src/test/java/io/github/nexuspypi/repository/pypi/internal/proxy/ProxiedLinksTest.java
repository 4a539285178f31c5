package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.github.nexuspypi.core.index.CoreMetadataRef;
import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.SimpleJsonWriter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProxiedLinksTest
{
  private static final DistributionLink WHEEL = DistributionLink.builder("frob-1.0-py3-none-any.whl",
      "https://files.example/a/frob-1.0-py3-none-any.whl").build();

  private static final DistributionLink SDIST = DistributionLink.builder("frob-1.0.tar.gz",
      "https://files.example/a/frob-1.0.tar.gz").build();

  @Test
  void aFileIsFoundOnTheKeptPageByItsExactName() throws IOException {
    DistributionLink again = DistributionLink.builder(SDIST.filename(), "https://files.example/b/other").build();
    byte[] kept = kept(List.of(WHEEL, SDIST, again));

    assertEquals(Optional.of(SDIST), ProxiedLinks.find(new ByteArrayInputStream(kept), SDIST.filename()));
    assertEquals(Optional.empty(), ProxiedLinks.find(new ByteArrayInputStream(kept), "FROB-1.0.tar.gz"));
  }

  @Test
  void clientsGetLinksIntoTheProxyAndCoreMetadataForEveryWheel() {
    DistributionLink wheel = ProxiedLinks.forClients("frob", WHEEL);
    DistributionLink sdist = ProxiedLinks.forClients("frob", SDIST);

    assertEquals("../../packages/frob/1.0/frob-1.0-py3-none-any.whl", wheel.url());
    assertEquals(CoreMetadataRef.WITHOUT_HASH, wheel.coreMetadata());
    assertEquals("../../packages/frob/1.0/frob-1.0.tar.gz", sdist.url());
    assertNull(sdist.coreMetadata());
  }

  @Test
  void onlyNamesThatCanBeAPathSegmentAreKept() {
    assertTrue(ProxiedLinks.isKept(WHEEL));
    assertFalse(ProxiedLinks.isKept(DistributionLink.builder("../frob-1.0.tar.gz", "u").build()));
    assertFalse(ProxiedLinks.isKept(DistributionLink.builder("frob-1.0.tar.gz.metadata", "u").build()));
  }

  private static byte[] kept(final List<DistributionLink> files) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SimpleJsonWriter.writeProject(new ProjectPage("frob", files, Set.of()), out);
    return out.toByteArray();
  }
}
