package io.github.nexuspypi.repository.pypi.internal.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import io.github.nexuspypi.core.index.ProjectListWriter;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.repository.pypi.internal.download.FileChannelPayload;
import io.github.nexuspypi.repository.pypi.internal.download.MappedFiles;
import io.github.nexuspypi.repository.pypi.internal.download.SendGate;

import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.payloads.PathPayload;

import org.joda.time.DateTime;

/**
 * A root page kept on disk in both formats and served as a file: written once per change from the list of projects
 * as it streams in, never held in memory whatever the number of projects.
 *
 * A page is current for a request when it was begun after the last change that request could know of: each change
 * takes a number, and a page remembers the number there was when its build began. One build runs at a time; a
 * request that finds the page outdated waits for the build under way, and if that one too began before the change it
 * saw, builds the next itself, so that concurrent first requests build it once. A page is published only when both
 * its files are whole, so a request gets the old page or the new one, never part of one.
 *
 * The page goes out as a stored file does ({@link FileChannelPayload}: from a kept memory mapping to Jetty), not
 * through a heap buffer, which had made a cached root cost 1.5 to 2 times the CPU of the page held in memory.
 */
public final class SpooledRoot
{
  /** Writes every project of the page; throws what its source throws. */
  @FunctionalInterface
  public interface Projects
  {
    void writeTo(ProjectListWriter out) throws IOException;
  }

  private final Path directory;

  private final String prefix;

  private final MappedFiles mappedFiles;

  private final SendGate sendGate;

  private final AtomicLong changes = new AtomicLong();

  private final ReentrantLock building = new ReentrantLock();

  private volatile Spooled current;

  /** Guarded by {@link #building}. */
  private Spooled previous;

  /** @param prefix how its files are named in {@code directory}, for the sweep of a dead process's leftovers */
  public SpooledRoot(final Path directory, final String prefix, final MappedFiles mappedFiles,
                     final SendGate sendGate)
  {
    this.directory = directory;
    this.prefix = prefix;
    this.mappedFiles = mappedFiles;
    this.sendGate = sendGate;
  }

  /** The list of projects changed: the page is written again when next asked for. */
  public void changed() {
    changes.incrementAndGet();
  }

  public Content page(final SimpleFormat format, final Projects projects) throws IOException {
    long seen = changes.get();
    Spooled page = current;
    if (page == null || page.builtAt < seen) {
      page = rebuilt(seen, projects);
    }
    return page.content(format, mappedFiles, sendGate);
  }

  private Spooled rebuilt(final long seen, final Projects projects) throws IOException {
    building.lock();
    try {
      Spooled page = current;
      if (page != null && page.builtAt >= seen) {
        return page;
      }
      long builtAt = changes.get();
      ProjectListFiles files = ProjectListFiles.create(directory, prefix);
      try {
        projects.writeTo(files);
        files.close();
      }
      catch (IOException | RuntimeException e) {
        files.delete();
        throw e;
      }
      Spooled built = new Spooled(files, builtAt, Instant.now());
      // A request handed the page before opens its file a moment later: that page stays on disk until the next
      // build, and a file already opened stays readable once deleted.
      if (previous != null) {
        previous.delete();
      }
      previous = current;
      current = built;
      return built;
    }
    finally {
      building.unlock();
    }
  }

  /** Removes the files, when the repository goes. */
  public void discard() throws IOException {
    building.lock();
    try {
      for (Spooled page : new Spooled[] {previous, current}) {
        if (page != null) {
          page.delete();
        }
      }
      previous = null;
      current = null;
    }
    finally {
      building.unlock();
    }
  }

  /** One build of the page: its two files, with what validators and headers need of them. */
  private static final class Spooled
  {
    private final ProjectListFiles files;

    private final long builtAt;

    private final DateTime lastModified;

    private final long htmlSize;

    private final long jsonSize;

    private Spooled(final ProjectListFiles files, final long builtAt, final Instant lastModified)
        throws IOException
    {
      this.files = files;
      this.builtAt = builtAt;
      this.lastModified = new DateTime(lastModified.toEpochMilli());
      this.htmlSize = Files.size(files.file(SimpleFormat.TEXT_HTML));
      this.jsonSize = Files.size(files.file(SimpleFormat.JSON_V1));
    }

    private Content content(final SimpleFormat format, final MappedFiles mappedFiles, final SendGate sendGate) {
      Path file = files.file(format);
      SpooledFile stream = new SpooledFile(file, format.isJson() ? jsonSize : htmlSize,
          RenderedPage.contentType(format));
      Content content = new Content(new FileChannelPayload(file, stream, mappedFiles, sendGate));
      content.getAttributes().set(Content.CONTENT_ETAG, files.sha256(format));
      content.getAttributes().set(Content.CONTENT_LAST_MODIFIED, lastModified);
      return content;
    }

    private void delete() throws IOException {
      files.delete();
    }
  }

  /** A file whose size is known once, rather than asked of the file system each time. */
  private static final class SpooledFile
      extends PathPayload
  {
    private final long size;

    private SpooledFile(final Path path, final long size, final String contentType) {
      super(path, contentType);
      this.size = size;
    }

    @Override
    public long getSize() {
      return size;
    }
  }
}
