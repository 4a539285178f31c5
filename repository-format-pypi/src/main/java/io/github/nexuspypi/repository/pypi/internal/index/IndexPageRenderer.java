package io.github.nexuspypi.repository.pypi.internal.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

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
    return render(format, lastModified, out -> SimpleJsonWriter.writeProject(page, out),
        writer -> SimpleHtmlWriter.writeProject(page, writer));
  }

  private static RenderedPage render(final SimpleFormat format, final Instant lastModified, final Json json,
                                     final Html html) throws IOException
  {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (format.isJson()) {
      json.write(body);
    }
    else {
      try (Writer writer = new OutputStreamWriter(body, StandardCharsets.UTF_8)) {
        html.write(writer);
      }
    }
    return RenderedPage.of(body.toByteArray(), format, lastModified);
  }

  @FunctionalInterface
  private interface Json
  {
    void write(OutputStream out) throws IOException;
  }

  @FunctionalInterface
  private interface Html
  {
    void write(Writer writer) throws IOException;
  }
}
