package io.github.nexuspypi.it.hosted;

import io.github.nexuspypi.it.dists.LargeWheel;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.CountedBlobStore;
import io.github.nexuspypi.it.nexus.Download;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.nexus.S3Server;
import io.github.nexuspypi.it.upload.LegacyUpload;
import io.github.nexuspypi.it.upload.LegacyUploadClient;
import io.github.nexuspypi.it.upload.UploadResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hosted repository on an S3 blob store whose S3 service goes away, before a request or in the middle of its
 * transfer: an upload fails with a 503 naming the blob store and stores neither a release nor a blob, a download
 * asked while S3 is down is a 503 naming it too, one cut off is never a whole-looking file, and all work again once
 * S3 is back. The test has an S3 server of its own (whatever
 * blob store the run's other repositories use) so that stopping it disturbs no other test; a transfer is cut by
 * holding S3's side of it part-way, then stopping S3, so that nothing races.
 */
@NexusTest
class S3OutageIT
{
  /** Far below the files that are cut off, far above Nexus's blob properties, which must pass. */
  private static final long HOLD_AFTER_BYTES = 1L << 20;

  private static Nexus nexus;

  @TempDir
  static Path work;

  private static S3Server s3;

  private static CountedBlobStore blobStore;

  private static String repository;

  @BeforeAll
  static void repositoryOnItsOwnS3() {
    s3 = S3Server.start(work.resolve("s3"));
    blobStore = CountedBlobStore.createOnS3(nexus.admin(), s3, nexus.uniqueName("s3-outage"));
    repository = nexus.uniqueName("pypi-s3-outage");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repository, "allow_once", blobStore.name()));
  }

  @AfterAll
  static void stopS3() {
    s3.close();
  }

  @Test
  void anUploadWhileS3IsDownIsA5xxThatStoresNothingAndWorksOnceItIsBack() {
    Path wheel = WheelBuilder.of("s3-outage-upload", "1.0").writeTo(work.resolve("upload"));
    long blobsBefore = blobStore.blobFiles();

    s3.down();
    UploadResponse refused;
    try {
      refused = upload(wheel);
    }
    finally {
      s3.up();
    }

    assertUnavailableStoringNothingThenStored(refused, "s3-outage-upload", blobsBefore, wheel);
  }

  @Test
  void aDownloadWhileS3IsDownIsNeverAWholeFileAndWorksOnceItIsBack() {
    WheelBuilder builder = WheelBuilder.of("s3-outage-download", "1.0");
    URI file = stored(builder, "s3-outage-download", "download");

    s3.down();
    Download during;
    try {
      during = Download.of(nexus.http(), file);
    }
    finally {
      s3.up();
    }

    // Nexus's sender opens the blob only after the status 200: it is opened before, so that the outage is a 503.
    assertEquals(503, during.status(), during::describe);
    assertTrue(new String(during.body(), StandardCharsets.UTF_8).startsWith(unavailable()), during::describe);
    Download after = Download.of(nexus.http(), file);
    assertTrue(after.isWhole(), after::describe);
    assertArrayEquals(builder.toBytes(), after.body());
  }

  @Test
  void aRangeWhileS3IsDownIsA503NamingItAndWorksOnceItIsBack() {
    WheelBuilder builder = WheelBuilder.of("s3-outage-range", "1.0");
    URI file = stored(builder, "s3-outage-range", "range");

    s3.down();
    HttpResponse<byte[]> during;
    try {
      during = range(file);
    }
    finally {
      s3.up();
    }

    // Nexus's range payload opens the blob when it is sent, after the status: it is opened before, as a whole file's.
    String body = new String(during.body(), StandardCharsets.UTF_8);
    assertEquals(503, during.statusCode(), body);
    assertTrue(body.startsWith(unavailable()), body);
    HttpResponse<byte[]> after = range(file);
    assertEquals(206, after.statusCode());
    assertArrayEquals(Arrays.copyOfRange(builder.toBytes(), 10, 100), after.body());
  }

  @Test
  void anUploadWhoseStoringS3CutsOffIsA5xxThatStoresNothingAndWorksOnceItIsBack() {
    // Above Nexus's 10 MiB chunk, so that the blob goes to S3 as a multipart upload of two parts.
    Path wheel = LargeWheel.write(work.resolve("upload-cut"), "s3-outage-upload-cut", "1.0", 12L << 20, 13);
    long blobsBefore = blobStore.blobFiles();

    s3.holdTransfersAfter(HOLD_AFTER_BYTES);
    CompletableFuture<UploadResponse> upload = CompletableFuture.supplyAsync(() -> upload(wheel));
    UploadResponse refused;
    try {
      s3.awaitHeldTransfer();
      s3.down();
      refused = upload.join();
    }
    finally {
      s3.up();
    }

    assertUnavailableStoringNothingThenStored(refused, "s3-outage-upload-cut", blobsBefore, wheel);
  }

  @Test
  void aDownloadWhoseS3CutsOffBreaksOffShortOfItsLengthAndWorksOnceItIsBack() throws Exception {
    Path wheel = LargeWheel.write(work.resolve("download-cut"), "s3-outage-download-cut", "1.0", 3L << 20, 17);
    UploadResponse uploaded = upload(wheel);
    assertEquals(200, uploaded.status(), uploaded::describe);
    URI file = nexus.repositoryUri(repository)
        .resolve("packages/s3-outage-download-cut/1.0/" + wheel.getFileName());
    assertTrue(Download.of(nexus.http(), file).isWhole(), "the file before the outage");

    s3.holdTransfersAfter(HOLD_AFTER_BYTES);
    Download during;
    try {
      during = Download.of(nexus.http(), file, s3::down);
    }
    finally {
      s3.up();
    }

    // The status and length went out before S3 went away: the client must see the body end short, or break.
    assertEquals(200, during.status(), during::describe);
    assertFalse(during.isWhole(), during::describe);
    assertTrue(during.body().length < Files.size(wheel), during::describe);
    Download after = Download.of(nexus.http(), file);
    assertTrue(after.isWhole(), after::describe);
    assertArrayEquals(Files.readAllBytes(wheel), after.body());
  }

  /**
   * The refused upload was a 503 naming the blob store, left neither a release nor a blob, and the same upload
   * stores the file once S3 is back.
   */
  private static void assertUnavailableStoringNothingThenStored(final UploadResponse refused, final String project,
                                                                final long blobsBefore, final Path wheel)
  {
    assertEquals(503, refused.status(), refused::describe);
    String message = unavailable();
    assertTrue(refused.reason().startsWith(message) && refused.body().startsWith(message), refused::describe);
    assertEquals(0, nexus.admin().components(repository).stream()
        .filter(release -> release.get("name").asText().equals(project)).count(), "releases stored");
    assertEquals(blobsBefore, blobStore.blobFiles(), "blobs in the bucket");
    UploadResponse again = upload(wheel);
    assertEquals(200, again.status(), again::describe);
  }

  /** Uploads the wheel of release 1.0 of the project, and checks that it downloads whole before S3 goes; its URL. */
  private static URI stored(final WheelBuilder builder, final String project, final String folder) {
    Path wheel = builder.writeTo(work.resolve(folder));
    UploadResponse uploaded = upload(wheel);
    assertEquals(200, uploaded.status(), uploaded::describe);
    URI file = nexus.repositoryUri(repository)
        .resolve("packages/" + project + "/1.0/" + wheel.getFileName());
    assertTrue(Download.of(nexus.http(), file).isWhole(), "the file before the outage");
    return file;
  }

  private static HttpResponse<byte[]> range(final URI file) {
    return nexus.http().send(nexus.http().request(file.toString()).header("Range", "bytes=10-99").GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String unavailable() {
    return "Blob store '" + blobStore.name() + "' of repository '" + repository + "' is unavailable";
  }

  private static UploadResponse upload(final Path wheel) {
    return LegacyUploadClient.to(nexus.http(), repository).upload(LegacyUpload.of(wheel));
  }
}
