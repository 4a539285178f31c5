package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPageWriter;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.core.index.SimpleJsonParser;
import io.github.nexuspypi.repository.pypi.internal.index.RenderedPage;

import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.Payload;

import com.google.common.hash.Hashing;

/**
 * A proxy's page of a project as clients get it in one format, made from the copy of upstream's page the proxy
 * keeps. A page up to {@link #MAX_HELD_BYTES} is rendered once and held; a larger one is rendered again from the kept
 * copy whenever it is sent, into a temporary file that goes once read, so that pages of tens of MiB, however many
 * are asked for at once, never sit in memory.
 */
final class ClientPage
{
  // The page cache holds 32 MiB per repository; a page of a quarter of that would push out hundreds of others.
  static final long MAX_HELD_BYTES = 4L * 1024 * 1024;

  // What a page not held costs the cache besides its entry: this object and the content of the kept copy.
  private static final int NOT_HELD_WEIGHT = 256;

  private final RenderedPage held;

  private final Content kept;

  private final String project;

  private final SimpleFormat format;

  private final Path temporaryDirectory;

  private ClientPage(final RenderedPage held, final Content kept, final String project, final SimpleFormat format,
                     final Path temporaryDirectory)
  {
    this.held = held;
    this.kept = kept;
    this.project = project;
    this.format = format;
    this.temporaryDirectory = temporaryDirectory;
  }

  static ClientPage of(final Content kept, final String project, final SimpleFormat format,
                       final Path temporaryDirectory) throws IOException
  {
    if (kept.getSize() < 0 || kept.getSize() > MAX_HELD_BYTES) {
      return new ClientPage(null, kept, project, format, temporaryDirectory);
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try (InputStream in = kept.openInputStream()) {
      render(in, project, format, body, null);
    }
    return new ClientPage(RenderedPage.of(body.toByteArray(), format, Instant.now()), null, project, format,
        temporaryDirectory);
  }

  /** The page with validators for a 304: a page not held is known by the copy it is rendered from. */
  Content toContent() {
    if (held != null) {
      return held.toContent();
    }
    Content content = new Content(new RenderedOnRead());
    Object keptEtag = kept.getAttributes().get(Content.CONTENT_ETAG);
    Object lastModified = kept.getAttributes().get(Content.CONTENT_LAST_MODIFIED);
    if (keptEtag != null && lastModified != null) {
      content.getAttributes().set(Content.CONTENT_ETAG, Hashing.sha256()
          .hashString(keptEtag + " " + lastModified + " " + format.mediaType(), StandardCharsets.UTF_8).toString());
      content.getAttributes().set(Content.CONTENT_LAST_MODIFIED, lastModified);
    }
    return content;
  }

  int weight() {
    // This object's 32 bytes, besides what it holds.
    return held != null ? held.weight() + 32 : NOT_HELD_WEIGHT;
  }

  /** @param spoolDirectory where a JSON page's parts wait until its end; {@code null} to keep them in memory */
  private static void render(final InputStream kept, final String project, final SimpleFormat format,
                             final OutputStream out, final Path spoolDirectory) throws IOException
  {
    try (ProjectPageWriter page = writer(out, project, format, spoolDirectory);
         ForClients links = new ForClients(project, page)) {
      SimpleJsonParser.readProject(kept, null, links);
    }
  }

  private static ProjectPageWriter writer(final OutputStream out, final String project, final SimpleFormat format,
                                          final Path spoolDirectory) throws IOException
  {
    if (!format.isJson()) {
      return ProjectPageWriter.html(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), project);
    }
    return spoolDirectory == null ? ProjectPageWriter.json(out, project)
        : ProjectPageWriter.json(out, project, spoolDirectory);
  }

  /**
   * The kept page's links turned into the proxy's. A page from an HTML upstream has no PEP 700 versions; those of
   * its files stand in for them.
   */
  private static final class ForClients
      implements ProjectPageWriter
  {
    private final String project;

    private final ProjectPageWriter out;

    private final Set<String> fileVersions = new LinkedHashSet<>();

    private boolean versionsGiven;

    private ForClients(final String project, final ProjectPageWriter out) {
      this.project = project;
      this.out = out;
    }

    @Override
    public void file(final DistributionLink file) throws IOException {
      if (!versionsGiven) {
        ProxiedLinks.versionOf(file.filename()).ifPresent(fileVersions::add);
      }
      out.file(ProxiedLinks.forClients(project, file));
    }

    @Override
    public void version(final String version) throws IOException {
      versionsGiven = true;
      fileVersions.clear();
      out.version(version);
    }

    /** Ends the versions only: the page itself is ended by its writer's owner. */
    @Override
    public void close() throws IOException {
      for (String version : fileVersions) {
        out.version(version);
      }
    }
  }

  /** Renders the page into a temporary file at each read, deleted when the stream closes. */
  private final class RenderedOnRead
      implements Payload
  {
    @Override
    public InputStream openInputStream() throws IOException {
      Path file = Files.createTempFile(temporaryDirectory, "pypi-page-", format.isJson() ? ".json" : ".html");
      try {
        try (InputStream in = kept.openInputStream();
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
          render(in, project, format, out, temporaryDirectory);
        }
        return Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE);
      }
      catch (IOException | RuntimeException e) {
        Files.deleteIfExists(file);
        throw e;
      }
    }

    @Override
    public long getSize() {
      return UNKNOWN_SIZE;
    }

    @Override
    public String getContentType() {
      return RenderedPage.contentType(format);
    }
  }
}
