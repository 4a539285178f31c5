package io.github.nexuspypi.repository.pypi.internal.download;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MappedFilesTest
{
  @TempDir
  Path dir;

  private final List<MappedByteBuffer> unmapped = new ArrayList<>();

  private final MappedFiles mappedFiles = new MappedFiles(Optional.of(unmapped::add), 2);

  private Path file(final String name, final String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private Optional<MappedFiles.Lease> lease(final Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return mappedFiles.lease(file, channel, channel.size());
    }
  }

  private static String text(final MappedFiles.Lease lease, final long offset, final long length) {
    return StandardCharsets.US_ASCII.decode(lease.bytes(offset, length)).toString();
  }

  @Test
  void aFileIsMappedOnceAndEachLeaseReadsItsOwnPart() throws IOException {
    Path wheel = file("a.whl", "0123456789");

    MappedFiles.Lease first = lease(wheel).orElseThrow();
    MappedFiles.Lease second = lease(wheel).orElseThrow();

    assertEquals("0123456789", text(first, 0, 10));
    assertEquals("345", text(second, 3, 3));
    assertEquals("0123456789", text(first, 0, 10), "one lease's reading moves no other's");
    assertEquals(1, mappedFiles.size());
    first.release(true);
    second.release(true);
    assertEquals(List.of(), unmapped, "a kept mapping stays mapped");
  }

  @Test
  void theLeastRecentlyUsedMappingIsEvictedAndUnmappedOnceUnused() throws IOException {
    Path a = file("a.whl", "aaaa");
    Path b = file("b.whl", "bbbb");
    Path c = file("c.whl", "cccc");
    lease(a).orElseThrow().release(true);
    MappedFiles.Lease stillSending = lease(b).orElseThrow();
    lease(a).orElseThrow().release(true);

    lease(c).orElseThrow().release(true);

    assertEquals(2, mappedFiles.size());
    assertEquals(List.of(), unmapped, "b is evicted but still being sent");
    assertEquals("bbbb", text(stillSending, 0, 4));
    stillSending.release(true);
    assertEquals(1, unmapped.size());
    assertEquals('b', unmapped.get(0).get(0));
  }

  @Test
  void aMappingWhoseSendFailedIsNeverUnmappedHere() throws IOException {
    Path a = file("a.whl", "aaaa");
    lease(a).orElseThrow().release(false);

    lease(file("b.whl", "bbbb")).orElseThrow().release(true);
    lease(file("c.whl", "cccc")).orElseThrow().release(true);
    lease(file("d.whl", "dddd")).orElseThrow().release(true);

    assertTrue(unmapped.stream().noneMatch(buffer -> buffer.get(0) == 'a'), "Jetty may still hold a's bytes");
    assertEquals(1, unmapped.size(), "b was evicted unused and unmapped; a was left to the collector");
  }

  @Test
  void aFileOfAnotherSizeUnderTheSamePathIsMappedAnew() throws IOException {
    Path wheel = file("a.whl", "short");
    lease(wheel).orElseThrow().release(true);
    file("a.whl", "longer text");

    MappedFiles.Lease again = lease(wheel).orElseThrow();

    assertEquals("longer text", text(again, 0, 11));
    assertEquals(1, unmapped.size());
  }

  /** A deleted blob's file keeps its disk space while it is mapped: a new mapping, a minute on, lets go of it. */
  @Test
  void aMappingOfADeletedFileIsLetGoOnceAMinuteHasPassed() throws IOException {
    AtomicLong now = new AtomicLong();
    MappedFiles clocked = new MappedFiles(Optional.of(unmapped::add), 8, now::get);
    Path deleted = file("deleted.whl", "dddd");
    leaseFrom(clocked, deleted).release(true);
    Files.delete(deleted);

    leaseFrom(clocked, file("b.whl", "bbbb")).release(true);
    assertEquals(List.of(), unmapped, "within a minute of the start, nothing is swept");

    now.addAndGet(MappedFiles.SWEEP_INTERVAL.toNanos());
    leaseFrom(clocked, file("c.whl", "cccc")).release(true);

    assertEquals(1, unmapped.size());
    assertEquals('d', unmapped.get(0).get(0));
    assertEquals(2, clocked.size());
  }

  private static MappedFiles.Lease leaseFrom(final MappedFiles files, final Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return files.lease(file, channel, channel.size()).orElseThrow();
    }
  }

  @Test
  void emptyAndOversizedFilesAndAPlatformThatCannotUnmapAreNotMapped() throws IOException {
    Path empty = file("empty.whl", "");
    Path wheel = file("a.whl", "aaaa");

    assertTrue(lease(empty).isEmpty());
    try (FileChannel channel = FileChannel.open(wheel, StandardOpenOption.READ)) {
      assertTrue(mappedFiles.lease(wheel, channel, MappedFiles.LARGEST_FILE + 1).isEmpty());
      assertTrue(new MappedFiles(Optional.empty(), 2).lease(wheel, channel, 4).isEmpty());
    }
  }

  @Test
  void thisJvmCanUnmap() throws IOException {
    MappedFiles platform = new MappedFiles();
    Path wheel = file("a.whl", "aaaa");

    try (FileChannel channel = FileChannel.open(wheel, StandardOpenOption.READ)) {
      assertTrue(platform.lease(wheel, channel, 4).isPresent());
    }
  }
}
