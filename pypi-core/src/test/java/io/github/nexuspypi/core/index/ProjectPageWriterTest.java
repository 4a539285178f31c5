package io.github.nexuspypi.core.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectPageWriterTest
{
  private static final DistributionLink SIZED = DistributionLink.builder("frob-1.0-py3-none-any.whl",
      "https://files.example/frob-1.0-py3-none-any.whl").hashes(Map.of("sha256", "aa")).size(12L).build();

  private static final DistributionLink UNSIZED = DistributionLink.builder("frob-0.9.tar.gz",
      "https://files.example/frob-0.9.tar.gz").requiresPython(">=3.8").build();

  private static final ProjectPage PAGE = new ProjectPage("Frob", List.of(SIZED, UNSIZED),
      new LinkedHashSet<>(List.of("1.0", "0.9")));

  @TempDir
  Path spools;

  @Test
  void aPageWrittenPartByPartOnDiskIsThePageWrittenWhole() throws IOException {
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    SimpleJsonWriter.writeProject(PAGE, whole);

    ByteArrayOutputStream streamed = new ByteArrayOutputStream();
    try (ProjectPageWriter writer = ProjectPageWriter.json(streamed, "Frob", spools)) {
      // Versions first, as an upstream may send them: the layout does not follow the order of arrival.
      writer.version("1.0");
      writer.file(SIZED);
      writer.version("0.9");
      writer.file(UNSIZED);
    }

    assertEquals(whole.toString(StandardCharsets.UTF_8), streamed.toString(StandardCharsets.UTF_8));
    assertEquals(PAGE, SimpleJsonParser.parseProject(new ByteArrayInputStream(streamed.toByteArray()), null));
    assertNoSpoolLeft();
  }

  @Test
  void theApiVersionLeadingThePageSaysWhetherEveryFileHadASize() throws IOException {
    assertTrue(json(List.of(SIZED)).startsWith("{\"meta\":{\"api-version\":\"1.1\"},\"name\":\"frob\",\"files\":[{"));
    assertTrue(json(List.of(SIZED, UNSIZED)).startsWith("{\"meta\":{\"api-version\":\"1.0\"}"));
    assertEquals("{\"meta\":{\"api-version\":\"1.1\"},\"name\":\"frob\",\"files\":[],\"versions\":[]}",
        json(List.of()));
  }

  @Test
  void theSpoolsAreDeletedWhenWritingFails() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ProjectPageWriter writer = ProjectPageWriter.json(new FilterOutputStream(out)
    {
      @Override
      public void write(final byte[] b, final int off, final int len) throws IOException {
        throw new IOException("disk full");
      }
    }, "frob", spools);
    writer.file(SIZED);
    try {
      writer.close();
    }
    catch (IOException expected) {
      assertEquals("disk full", expected.getMessage());
    }
    assertNoSpoolLeft();
  }

  @Test
  void htmlIsWrittenAsTheFilesComeAndIsThePageWrittenWhole() throws IOException {
    StringWriter whole = new StringWriter();
    SimpleHtmlWriter.writeProject(PAGE, whole);

    StringWriter streamed = new StringWriter();
    try (ProjectPageWriter writer = ProjectPageWriter.html(streamed, "Frob")) {
      writer.file(SIZED);
      writer.version("1.0");
      assertTrue(streamed.toString().contains("frob-1.0-py3-none-any.whl</a>"), "written before the page ends");
      writer.file(UNSIZED);
    }

    assertEquals(whole.toString(), streamed.toString());
  }

  private String json(final List<DistributionLink> files) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ProjectPageWriter writer = ProjectPageWriter.json(out, "frob", spools)) {
      for (DistributionLink file : files) {
        writer.file(file);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private void assertNoSpoolLeft() throws IOException {
    try (Stream<Path> left = Files.list(spools)) {
      assertEquals(List.of(), left.toList());
    }
  }
}
