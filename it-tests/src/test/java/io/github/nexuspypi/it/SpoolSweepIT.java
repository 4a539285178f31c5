package io.github.nexuspypi.it;

import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.NexusLogExcerpt;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.upload.LegacyUpload;
import io.github.nexuspypi.it.upload.LegacyUploadClient;
import io.github.nexuspypi.it.upload.UploadResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Nexus killed during uploads and downloads leaves their spool files in its tmp folder, each as large as the file
 * it was receiving. The next start deletes them, and only them: not other programs' files, and not files written
 * since this start. The one test here restarts the Nexus every test class shares, and waits until it is back.
 */
@NexusTest
class SpoolSweepIT
{
  private static final int MEBIBYTE = 1024 * 1024;

  private static Nexus nexus;

  @TempDir
  static Path files;

  private static Path file(final Path dir, final String name, final Instant written) throws IOException {
    Path file = Files.write(dir.resolve(name), new byte[MEBIBYTE]);
    Files.setLastModifiedTime(file, FileTime.from(written));
    return file;
  }

  @Test
  void theNextStartDeletesTheSpoolFilesADeadProcessLeft() throws IOException {
    Path tmp = nexus.installation().dataDir().resolve("tmp");
    Instant beforeThisStart = Instant.now().minus(Duration.ofHours(1));
    List<Path> leftovers = List.of(
        file(tmp, "pypi-upload-1234567890.part", beforeThisStart),
        file(tmp, "pypi-download-1234567891.part", beforeThisStart),
        file(tmp, "pypi-wheel-1234567892.whl", beforeThisStart));
    Path notOurs = file(tmp, "other-upload-1234567893.part", beforeThisStart);
    // What an upload writes once Nexus is up again: its time is after the start whenever the start comes.
    Path sinceTheStart = file(tmp, "pypi-upload-1234567894.part", Instant.now().plus(Duration.ofHours(1)));
    NexusLogExcerpt log = NexusLogExcerpt.startingNow(nexus.installation());

    nexus.restart();

    for (Path leftover : leftovers) {
      assertFalse(Files.exists(leftover), leftover + " is left");
    }
    assertTrue(Files.exists(notOurs), "another program's file is kept");
    assertTrue(Files.exists(sinceTheStart), "a file written since the start is kept");
    assertEquals(1, log.linesWith("Deleted 3 PyPI spool files (" + 3 * MEBIBYTE + " bytes) left in").size(),
        () -> String.join("\n", log.linesWith("PyPI spool files")));
    Files.delete(notOurs);
    Files.delete(sinceTheStart);

    String repository = nexus.uniqueName("pypi-after-restart");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repository, "allow_once"));
    UploadResponse upload = LegacyUploadClient.to(nexus.http(), repository)
        .upload(LegacyUpload.of(WheelBuilder.of("restarted", "1.0").writeTo(files)));
    assertEquals(200, upload.status(), upload::describe);
  }
}
