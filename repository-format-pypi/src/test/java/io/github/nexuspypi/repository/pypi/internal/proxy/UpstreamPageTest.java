package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.IndexFormatException;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.core.index.SimpleJsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpstreamPageTest
{
  private static final URI PAGE = URI.create("https://index.example/simple/frob/");

  @TempDir
  Path temporary;

  @Test
  void theKeptPageIsJsonNamedForTheProjectAskedWithResolvedLinksAndOnlySafeNames() throws IOException {
    String html = "<html><head><title>Links for Other</title></head><body>"
        + "<a href=\"../../files/frob-1.0-py3-none-any.whl#sha256=aa\">frob-1.0-py3-none-any.whl</a>"
        + "<a href=\"../../files/evil\">../../etc/frob-1.0.tar.gz</a>"
        + "<a href=\"../../files/frob-1.0.tar.gz.metadata\">frob-1.0.tar.gz.metadata</a>"
        + "</body></html>";

    ProjectPage kept = convert(html, SimpleFormat.TEXT_HTML.mediaType());

    assertEquals("frob", kept.name());
    assertEquals(List.of("https://index.example/files/frob-1.0-py3-none-any.whl"),
        kept.files().stream().map(DistributionLink::url).collect(Collectors.toList()));
    assertEquals("aa", kept.files().get(0).hashes().get("sha256"));
    assertNoTemporaryFileLeft();
  }

  @Test
  void aJsonPageKeepsItsVersionsAndSizes() throws IOException {
    String json = "{\"meta\":{\"api-version\":\"1.1\"},\"name\":\"frob\",\"versions\":[\"1.0\",\"2.0\"],"
        + "\"files\":[{\"filename\":\"frob-1.0.tar.gz\",\"url\":\"/f/frob-1.0.tar.gz\",\"hashes\":{},\"size\":3}]}";

    ProjectPage kept = convert(json, SimpleFormat.JSON_V1.mediaType());

    assertEquals(List.of("1.0", "2.0"), List.copyOf(kept.versions()));
    assertEquals(3L, kept.files().get(0).size());
    assertEquals("https://index.example/f/frob-1.0.tar.gz", kept.files().get(0).url());
  }

  @Test
  void aPageListingMoreFilesThanTheProxyTakesIsRefusedWithTheReason() {
    StringBuilder json = new StringBuilder("{\"name\":\"frob\",\"files\":[");
    for (int i = 0; i <= UpstreamPage.MAX_FILES; i++) {
      json.append(i == 0 ? "" : ",").append("{\"filename\":\"f\",\"url\":\"u\"}");
    }
    json.append("]}");

    IndexFormatException refused = assertThrows(IndexFormatException.class,
        () -> convert(json.toString(), SimpleFormat.JSON_V1.mediaType()));

    assertEquals("The upstream page of 'frob' lists more than " + UpstreamPage.MAX_FILES
        + " files, more than this proxy takes from a page.", refused.getMessage());
  }

  private ProjectPage convert(final String page, final String contentType) throws IOException {
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    new UpstreamPage(temporary, List.of()).convert(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)),
        contentType, PAGE, "frob", kept);
    return SimpleJsonParser.parseProject(new ByteArrayInputStream(kept.toByteArray()), null);
  }

  private void assertNoTemporaryFileLeft() throws IOException {
    try (Stream<Path> files = Files.list(temporary)) {
      assertTrue(files.findAny().isEmpty(), "temporary files left");
    }
  }
}
