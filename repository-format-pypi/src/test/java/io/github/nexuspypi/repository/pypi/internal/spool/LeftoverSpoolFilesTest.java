package io.github.nexuspypi.repository.pypi.internal.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LeftoverSpoolFilesTest
{
  private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

  @TempDir
  Path temporary;

  private Path file(final String name, final Instant written, final int size) throws IOException {
    Path file = Files.write(temporary.resolve(name), new byte[size]);
    Files.setLastModifiedTime(file, FileTime.from(written));
    return file;
  }

  private List<String> left() throws IOException {
    try (Stream<Path> files = Files.list(temporary)) {
      return files.map(file -> file.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void deletesEveryKindOfSpoolFileWrittenBeforeTheStart() throws IOException {
    Instant before = START.minus(Duration.ofHours(3));
    for (String prefix : LeftoverSpoolFiles.PREFIXES) {
      file(prefix + "123.part", before, 10);
    }

    LeftoverSpoolFiles.Swept swept = new LeftoverSpoolFiles(START).sweep(temporary);

    assertEquals(LeftoverSpoolFiles.PREFIXES.size(), swept.files());
    assertEquals(10L * LeftoverSpoolFiles.PREFIXES.size(), swept.bytes());
    assertEquals(List.of(), left());
  }

  @Test
  void keepsFilesWrittenSinceTheStartAndOtherPeoplesFiles() throws IOException {
    file("pypi-upload-1.part", START.minusMillis(1), 1);
    file("pypi-upload-2.part", START, 1);
    file("pypi-upload-3.part", START.plusSeconds(1), 1);
    file("jetty-0_0_0_0-8081.tmp", START.minus(Duration.ofDays(1)), 1);
    Files.createDirectory(temporary.resolve("pypi-upload-dir"));
    Files.setLastModifiedTime(temporary.resolve("pypi-upload-dir"), FileTime.from(START.minusSeconds(60)));

    LeftoverSpoolFiles.Swept swept = new LeftoverSpoolFiles(START).sweep(temporary);

    assertEquals(1, swept.files());
    assertEquals(List.of("jetty-0_0_0_0-8081.tmp", "pypi-upload-2.part", "pypi-upload-3.part", "pypi-upload-dir"),
        left());
  }

  @Test
  void aFolderThatDoesNotExistHoldsNothing() throws IOException {
    assertEquals(0, new LeftoverSpoolFiles(START).sweep(temporary.resolve("absent")).files());
  }
}
