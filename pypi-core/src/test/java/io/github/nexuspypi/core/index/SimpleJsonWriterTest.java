package io.github.nexuspypi.core.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimpleJsonWriterTest
{
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final String SHA256 = "813202ace4d9301a3c00740c700e012fb9f3f8c73ddcfe02ab558a8df6f175fd";

  private static JsonNode render(final ProjectPage page) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SimpleJsonWriter.writeProject(page, out);
    return MAPPER.readTree(out.toByteArray());
  }

  @Test
  void writesApiVersion11Pages() throws IOException {
    ProjectPage page = new ProjectPage("Foo.Bar", List.of(
        DistributionLink.builder("foo_bar-1.0-py3-none-any.whl", "https://h/foo_bar-1.0-py3-none-any.whl")
            .hashes(Map.of("sha256", SHA256))
            .requiresPython(">=3.8")
            .coreMetadata(CoreMetadataRef.sha256("ab"))
            .size(1234L)
            .uploadTime(Instant.parse("2024-05-20T15:50:28.123456789Z"))
            .gpgSig(false)
            .build(),
        DistributionLink.builder("foo_bar-1.0.tar.gz", "https://h/foo_bar-1.0.tar.gz")
            .yank(new Yank("broken"))
            .coreMetadata(CoreMetadataRef.WITHOUT_HASH)
            .size(99L)
            .uploadTime(Instant.parse("2011-02-14T21:45:18Z"))
            .build(),
        DistributionLink.builder("foo_bar-0.9.tar.gz", "https://h/foo_bar-0.9.tar.gz")
            .yank(Yank.WITHOUT_REASON)
            .size(0L)
            .build()), new LinkedHashSet<>(List.of("0.9", "1.0", "2.0")));

    JsonNode json = render(page);

    assertEquals(MAPPER.readTree("""
        {"meta": {"api-version": "1.1"}, "name": "foo-bar", "files": [
          {"filename": "foo_bar-1.0-py3-none-any.whl", "url": "https://h/foo_bar-1.0-py3-none-any.whl",
           "hashes": {"sha256": "%s"}, "requires-python": ">=3.8", "core-metadata": {"sha256": "ab"},
           "gpg-sig": false, "yanked": false, "size": 1234, "upload-time": "2024-05-20T15:50:28.123456Z"},
          {"filename": "foo_bar-1.0.tar.gz", "url": "https://h/foo_bar-1.0.tar.gz", "hashes": {},
           "core-metadata": true, "yanked": "broken", "size": 99, "upload-time": "2011-02-14T21:45:18.000000Z"},
          {"filename": "foo_bar-0.9.tar.gz", "url": "https://h/foo_bar-0.9.tar.gz", "hashes": {},
           "core-metadata": false, "yanked": true, "size": 0}
        ], "versions": ["0.9", "1.0", "2.0"]}
        """.formatted(SHA256)), json);
  }

  // PEP 714: pip 22.3 to 23.1 crash on a JSON "dist-info-metadata".
  @Test
  void neverWritesTheOldMetadataKey() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SimpleJsonWriter.writeProject(new ProjectPage("x", List.of(DistributionLink.builder("x-1.whl", "x-1.whl")
        .coreMetadata(CoreMetadataRef.sha256("ab")).size(1L).build()), Set.of("1")), out);

    assertFalse(out.toString(StandardCharsets.UTF_8).contains("dist-info-metadata"));
  }

  @Test
  void claimsOnlyVersion10WhenSizesAreMissing() throws IOException {
    JsonNode json = render(new ProjectPage("x", List.of(DistributionLink.builder("x-1.whl", "x-1.whl").build()),
        Set.of()));

    assertEquals("1.0", json.at("/meta/api-version").asText());
    assertFalse(json.at("/files/0").has("size"));
  }

  // PEP 691 "Project List" example.
  @Test
  void writesTheRootPage() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    SimpleJsonWriter.writeIndex(List.of(new ProjectListEntry("Frob"), new ProjectListEntry("spamspamspam"))
        .iterator(), out);

    assertEquals(MAPPER.readTree("""
        {"meta": {"api-version": "1.1"}, "projects": [{"name": "Frob"}, {"name": "spamspamspam"}]}
        """), MAPPER.readTree(out.toByteArray()));
  }

  @Test
  void streamsTheRootPage() throws IOException {
    long[] written = new long[1];
    OutputStream counting = new OutputStream()
    {
      @Override
      public void write(final int b) {
        written[0]++;
      }

      @Override
      public void write(final byte[] b, final int off, final int len) {
        written[0] += len;
      }
    };
    ProjectSequence projects = new ProjectSequence(50_000, () -> written[0]);

    SimpleJsonWriter.writeIndex(projects, counting);

    assertTrue(projects.writtenHalfwayThrough() > written[0] / 3, "nothing written before the end");
  }
}
