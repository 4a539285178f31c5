package io.github.nexuspypi.repository.pypi.internal.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.core.index.SimpleHtmlWriter;
import io.github.nexuspypi.core.index.SimpleJsonWriter;

import org.sonatype.nexus.repository.view.Content;

import org.joda.time.DateTime;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class IndexPageRendererTest
{
  private static final Instant CHANGED = Instant.parse("2026-01-02T03:04:05Z");

  private static final ProjectPage PAGE = new ProjectPage("demo", List.of(
      DistributionLink.builder("demo-1.0-py3-none-any.whl", "../../packages/demo/1.0/demo-1.0-py3-none-any.whl")
          .hashes(Map.of("sha256", "ab".repeat(32))).size(1234L).build()), Set.of("1.0"));

  @Test
  void aProjectPageIsWhatPypiCoresWriterOfTheFormatWrites() throws IOException {
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    SimpleJsonWriter.writeProject(PAGE, json);
    ByteArrayOutputStream html = new ByteArrayOutputStream();
    SimpleHtmlWriter.writeProject(PAGE, html);

    assertArrayEquals(json.toByteArray(), IndexPageRenderer.project(PAGE, SimpleFormat.JSON_V1, CHANGED).body());
    assertArrayEquals(html.toByteArray(), IndexPageRenderer.project(PAGE, SimpleFormat.HTML_V1, CHANGED).body());
    assertEquals(SimpleFormat.HTML_V1, IndexPageRenderer.project(PAGE, SimpleFormat.HTML_V1, CHANGED).format());
  }

  @Test
  void theRenderedPageCarriesTheTimeOfTheChangeItShows() throws IOException {
    Content content = IndexPageRenderer.project(PAGE, SimpleFormat.JSON_V1, CHANGED).toContent();

    assertEquals(new DateTime(CHANGED.toEpochMilli()), content.getAttributes().get(Content.CONTENT_LAST_MODIFIED));
  }
}
