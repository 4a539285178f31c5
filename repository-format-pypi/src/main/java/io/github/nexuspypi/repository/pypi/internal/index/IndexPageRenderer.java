package io.github.nexuspypi.repository.pypi.internal.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;

import io.github.nexuspypi.core.index.ProjectListEntry;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.core.index.SimpleHtmlWriter;
import io.github.nexuspypi.core.index.SimpleJsonWriter;

/**
 * Renders the index model into the negotiated format, once, into the bytes the cache keeps.
 */
public final class IndexPageRenderer
{
  private IndexPageRenderer() {
  }

  public static RenderedPage project(final ProjectPage page, final SimpleFormat format, final Instant lastModified)
      throws IOException
  {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (format == SimpleFormat.JSON_V1) {
      SimpleJsonWriter.writeProject(page, body);
    }
    else {
      try (Writer writer = new OutputStreamWriter(body, StandardCharsets.UTF_8)) {
        SimpleHtmlWriter.writeProject(page, writer);
      }
    }
    return RenderedPage.of(body.toByteArray(), format, lastModified);
  }

  /** @param projects display name by normalised name */
  public static RenderedPage root(final SortedMap<String, String> projects, final SimpleFormat format,
                                  final Instant lastModified) throws IOException
  {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    var entries = projects.values().stream().map(ProjectListEntry::new).iterator();
    if (format == SimpleFormat.JSON_V1) {
      SimpleJsonWriter.writeIndex(entries, body);
    }
    else {
      try (Writer writer = new OutputStreamWriter(body, StandardCharsets.UTF_8)) {
        SimpleHtmlWriter.writeIndex(entries, writer);
      }
    }
    return RenderedPage.of(body.toByteArray(), format, lastModified);
  }
}
