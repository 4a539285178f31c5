package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.nexuspypi.core.index.CoreMetadataRef;
import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.SimpleJsonWriter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ProxiedLinksTest
{
  private static final DistributionLink WHEEL = link("frob-1.0-py3-none-any.whl");

  private static final DistributionLink SDIST = link("frob-1.0.tar.gz");

  @Test
  void keepsOnlyFilesWhoseNamesAreWheelOrSdistNames() {
    List<String> kept = Stream.of("tiny_lib-1.0-py3-none-any.whl", "tiny_lib-1.0.tar.gz", "tiny-lib-0.9.zip",
            "secret.bin", "x.html", "tiny_lib-1.1.tar.gz?x=1#y", "tiny_lib-1.2%0d%0a.tar.gz", "../../evil-1.0.tar.gz",
            "../frob-1.0.tar.gz", "tiny_lib-1.0-py3-none-any.whl.metadata", "tiny_lib-1.0.egg", "<script>-1.0.tar.gz")
        .map(ProxiedLinksTest::link)
        .filter(ProxiedLinks::isKept)
        .map(DistributionLink::filename)
        .collect(Collectors.toList());

    assertEquals(List.of("tiny_lib-1.0-py3-none-any.whl", "tiny_lib-1.0.tar.gz", "tiny-lib-0.9.zip"), kept);
  }

  @Test
  void aFileIsFoundOnTheKeptPageByItsExactName() throws IOException {
    DistributionLink again = DistributionLink.builder(SDIST.filename(), "https://files.example/b/other").build();
    byte[] kept = kept(List.of(WHEEL, SDIST, again));

    assertEquals(Optional.of(SDIST), ProxiedLinks.find(new ByteArrayInputStream(kept), SDIST.filename()));
    assertEquals(Optional.empty(), ProxiedLinks.find(new ByteArrayInputStream(kept), "FROB-1.0.tar.gz"));
    assertEquals(Map.of(WHEEL.filename(), WHEEL, SDIST.filename(), SDIST), ProxiedLinks.findAll(
        new ByteArrayInputStream(kept), Set.of(WHEEL.filename(), SDIST.filename(), "frob-2.0.tar.gz")));
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
  void aLocalVersionIsItsOwnFolder() {
    assertEquals("../../packages/tiny-lib/1.0+local/tiny_lib-1.0+local.tar.gz",
        ProxiedLinks.forClients("tiny-lib", link("tiny_lib-1.0+local.tar.gz")).url());
  }

  private static DistributionLink link(final String filename) {
    return DistributionLink.builder(filename, "https://files.example/a/" + filename).build();
  }

  private static byte[] kept(final List<DistributionLink> files) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SimpleJsonWriter.writeProject(new ProjectPage("frob", files, Set.of()), out);
    return out.toByteArray();
  }
}
