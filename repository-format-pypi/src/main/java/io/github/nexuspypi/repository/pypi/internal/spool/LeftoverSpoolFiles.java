package io.github.nexuspypi.repository.pypi.internal.spool;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;

/**
 * The temporary files this plugin spools uploads, downloads and pages into, as a process that died (a
 * {@code kill -9}, a power cut) left them: they are deleted when the next process starts. A file counts as a leftover
 * only if it was last written before the cutoff, the start of the process, so a file that an upload of this process
 * is writing is never one.
 */
public final class LeftoverSpoolFiles
{
  /**
   * The names {@code Files.createTempFile} is given: uploads ({@code MultipartUploadReader}), proxied files and wheels
   * ({@code PypiProxyFacet}), the upstream root ({@code UpstreamRoot}), the group's merged root
   * ({@code PypiGroupIndexFacet}) and the hosted root ({@code PypiHostedIndexFacet}), imported files
   * ({@code FileImporter}).
   */
  static final List<String> PREFIXES = List.of("pypi-upload-", "pypi-download-", "pypi-wheel-", "pypi-root-",
      "pypi-group-root-", "pypi-hosted-root-", "pypi-import-");

  private final Instant cutoff;

  public LeftoverSpoolFiles(final Instant cutoff) {
    this.cutoff = cutoff;
  }

  /** What one sweep of a folder removed. */
  public static final class Swept
  {
    private final int files;

    private final long bytes;

    Swept(final int files, final long bytes) {
      this.files = files;
      this.bytes = bytes;
    }

    public int files() {
      return files;
    }

    public long bytes() {
      return bytes;
    }
  }

  /** Deletes the leftovers directly inside {@code directory}; a folder that does not exist holds none. */
  public Swept sweep(final Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return new Swept(0, 0);
    }
    int files = 0;
    long bytes = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, LeftoverSpoolFiles::isSpoolName)) {
      for (Path entry : entries) {
        BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class,
            LinkOption.NOFOLLOW_LINKS);
        if (attributes.isRegularFile() && attributes.lastModifiedTime().toInstant().isBefore(cutoff)
            && Files.deleteIfExists(entry)) {
          files++;
          bytes += attributes.size();
        }
      }
    }
    return new Swept(files, bytes);
  }

  private static boolean isSpoolName(final Path entry) {
    String name = entry.getFileName().toString();
    return PREFIXES.stream().anyMatch(name::startsWith);
  }
}
