package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Set;

import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProxiedLinksTest
{
  @Test
  void keepsOnlyFilesWhoseNamesAreWheelOrSdistNames() {
    ProjectPage upstream = page("tiny_lib-1.0-py3-none-any.whl", "tiny_lib-1.0.tar.gz", "tiny-lib-0.9.zip",
        "secret.bin", "x.html", "tiny_lib-1.1.tar.gz?x=1#y", "tiny_lib-1.2%0d%0a.tar.gz", "../../evil-1.0.tar.gz",
        "tiny_lib-1.0-py3-none-any.whl.metadata", "tiny_lib-1.0.egg", "<script>-1.0.tar.gz");

    assertEquals(List.of("tiny_lib-1.0-py3-none-any.whl", "tiny_lib-1.0.tar.gz", "tiny-lib-0.9.zip"),
        ProxiedLinks.kept("tiny-lib", upstream).files().stream().map(DistributionLink::filename).collect(Collectors.toList()));
  }

  @Test
  void clientsSeeLinksIntoTheProxy() {
    ProjectPage kept = ProxiedLinks.kept("tiny-lib", page("tiny_lib-1.0+local.tar.gz"));

    assertEquals("../../packages/tiny-lib/1.0+local/tiny_lib-1.0+local.tar.gz",
        ProxiedLinks.forClients(kept).files().get(0).url());
  }

  private static ProjectPage page(final String... filenames) {
    List<DistributionLink> links = Arrays.stream(filenames)
        .map(name -> DistributionLink.builder(name, "https://files.example.com/x/" + name).build())
        .collect(Collectors.toList());
    return new ProjectPage("Tiny-Lib", links, Set.of());
  }
}
