package io.github.nexuspypi.it.nexus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A blob store of one test's own, whose blobs it counts two ways: the blob files on disk, exact the moment a
 * request has answered, and the count Nexus reports ({@code GET /service/rest/v1/blobstores}), which trails them by
 * up to the metrics flush interval (2 s). Both count every blob written and not yet hard-deleted: temporary blobs
 * while an upload runs, soft-deleted blobs, and the blobs of replaced assets, which Nexus leaves to its asset blob
 * cleanup task. Only RetentionIT runs the compact task, on its own blob store; elsewhere the counts only grow
 * (that cleanup task, running every 30 minutes, soft-deletes unused blobs, which leaves both counts as they are).
 */
public final class CountedBlobStore
{
  private final NexusAdminClient admin;

  private final String name;

  private final Path directory;

  private CountedBlobStore(final NexusAdminClient admin, final String name, final Path directory) {
    this.admin = admin;
    this.name = name;
    this.directory = directory;
  }

  /** Creates a file blob store under Nexus's data directory, which the tests share with it. */
  public static CountedBlobStore create(final NexusAdminClient admin, final NexusInstallation installation,
                                        final String name)
  {
    admin.createFileBlobStore(name);
    return new CountedBlobStore(admin, name, installation.dataDir().resolve("blobs").resolve(name));
  }

  /** Creates an S3 blob store in a bucket of its own, whose objects S3Proxy keeps as files at their keys. */
  public static CountedBlobStore createOnS3(final NexusAdminClient admin, final S3Server server, final String name) {
    admin.createS3BlobStore(name, server);
    return new CountedBlobStore(admin, name, server.bucketDirectory(name));
  }

  public String name() {
    return name;
  }

  /** Blob content files on disk, temporary ones (under {@code content/tmp}) included. */
  public long blobFiles() {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".bytes")).count();
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + directory, e);
    }
  }

  /**
   * Asserts that the blob store holds exactly {@code expected} blobs: on disk now, and in Nexus's report once its
   * metrics have caught up.
   */
  public void assertBlobCount(final long expected) {
    assertEquals(expected, blobFiles(), () -> "blob files in " + directory);
    long reported = Eventually.poll(() -> admin.reportedBlobCount(name), count -> count == expected);
    assertEquals(expected, reported, () -> "blobCount that Nexus reports for blob store " + name);
  }
}
