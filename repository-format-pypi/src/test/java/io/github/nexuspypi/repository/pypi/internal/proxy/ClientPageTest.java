package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.nexuspypi.core.index.CoreMetadataRef;
import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.core.index.SimpleHtmlParser;
import io.github.nexuspypi.core.index.SimpleJsonParser;
import io.github.nexuspypi.core.index.SimpleJsonWriter;

import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.Payload;
import org.sonatype.nexus.repository.view.payloads.BytesPayload;

import com.google.common.hash.Hashing;
import org.joda.time.DateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientPageTest
{
  private static final String WHEEL = "frob-1.0-py3-none-any.whl";

  private static final String SDIST = "frob-0.9.tar.gz";

  @TempDir
  Path temporary;

  @Test
  void aSmallPageIsRenderedOnceWithLinksIntoTheProxyAndTheVersionsOfItsFiles() throws IOException {
    // As kept from an HTML upstream: no PEP 700 versions.
    Content kept = kept(List.of(link(WHEEL), link(SDIST)), Set.of());

    ClientPage page = ClientPage.of(kept, "frob", SimpleFormat.JSON_V1, temporary);
    Content content = page.toContent();
    byte[] body = read(content);

    ProjectPage served = SimpleJsonParser.parseProject(new ByteArrayInputStream(body), null);
    assertEquals(List.of("../../packages/frob/1.0/" + WHEEL, "../../packages/frob/0.9/" + SDIST),
        served.files().stream().map(DistributionLink::url).collect(Collectors.toList()));
    assertEquals(CoreMetadataRef.WITHOUT_HASH, served.files().get(0).coreMetadata());
    assertNull(served.files().get(1).coreMetadata());
    assertEquals(List.of("1.0", "0.9"), List.copyOf(served.versions()));
    assertEquals(body.length, content.getSize());
    assertEquals(Hashing.sha256().hashBytes(body).toString(), content.getAttributes().get(Content.CONTENT_ETAG));
    assertTrue(page.weight() > body.length);
  }

  @Test
  void aPageLargerThanIsHeldIsRenderedFromTheKeptCopyAtEachReadAndLeavesNoFileBehind() throws IOException {
    List<DistributionLink> files = new ArrayList<>();
    for (int i = 0; files.size() < 40_000; i++) {
      files.add(link("frob-1." + i + "-py3-none-any.whl"));
    }
    Content kept = kept(files, Set.of("1.0"));
    assertTrue(kept.getSize() > ClientPage.MAX_HELD_BYTES, "kept size " + kept.getSize());

    ClientPage page = ClientPage.of(kept, "frob", SimpleFormat.JSON_V1, temporary);
    Content first = page.toContent();
    Content second = page.toContent();
    byte[] body = read(first);

    assertEquals(Payload.UNKNOWN_SIZE, first.getSize());
    assertTrue(page.weight() < 1024, "weight " + page.weight());
    assertArrayEquals(body, read(second));
    ProjectPage served = SimpleJsonParser.parseProject(new ByteArrayInputStream(body), null);
    assertEquals(files.size(), served.files().size());
    assertEquals("../../packages/frob/1.39999/frob-1.39999-py3-none-any.whl", served.files().get(39_999).url());
    assertEquals(Set.of("1.0"), served.versions());
    assertEquals(first.getAttributes().get(Content.CONTENT_ETAG), second.getAttributes().get(Content.CONTENT_ETAG));
    assertNotEquals(first.getAttributes().get(Content.CONTENT_ETAG),
        ClientPage.of(kept, "frob", SimpleFormat.TEXT_HTML, temporary).toContent().getAttributes()
            .get(Content.CONTENT_ETAG));
    try (Stream<Path> left = Files.list(temporary)) {
      assertEquals(List.of(), left.collect(Collectors.toList()));
    }
  }

  @Test
  void htmlListsTheSameLinks() throws IOException {
    Content kept = kept(List.of(link(WHEEL), link(SDIST)), Set.of("1.0"));

    byte[] body = read(ClientPage.of(kept, "frob", SimpleFormat.TEXT_HTML, temporary).toContent());

    ProjectPage served = SimpleHtmlParser.parseProject(new StringReader(new String(body, StandardCharsets.UTF_8)),
        null);
    assertEquals("frob", served.name());
    assertEquals(List.of("../../packages/frob/1.0/" + WHEEL, "../../packages/frob/0.9/" + SDIST),
        served.files().stream().map(DistributionLink::url).collect(Collectors.toList()));
  }

  private static DistributionLink link(final String filename) {
    return DistributionLink.builder(filename, "https://files.example/" + filename).hashes(Map.of("sha256", "ab"))
        .build();
  }

  private static Content kept(final List<DistributionLink> files, final Set<String> versions) throws IOException {
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    SimpleJsonWriter.writeProject(new ProjectPage("frob", files, versions), json);
    Content kept = new Content(new BytesPayload(json.toByteArray(), SimpleFormat.JSON_V1.mediaType()));
    kept.getAttributes().set(Content.CONTENT_ETAG, "\"kept\"");
    kept.getAttributes().set(Content.CONTENT_LAST_MODIFIED, new DateTime(0));
    return kept;
  }

  private static byte[] read(final Content content) throws IOException {
    try (InputStream in = content.openInputStream()) {
      return in.readAllBytes();
    }
  }
}
