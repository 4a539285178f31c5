package io.github.nexuspypi.repository.pypi.internal.recipe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Whether a distribution file begins as the archive its name says: a wheel or zip sdist with a zip's local file
 * header, a gzip or bzip2 sdist with that compressor's magic number. Our inspection reads a zip from its central
 * directory, which tolerates bytes before the first entry, so inspection alone does not say what the file's first
 * bytes, which Nexus's content detection reads, look like.
 */
final class ArchiveSignature
{
  private static final byte[] ZIP = {'P', 'K', 3, 4};

  private static final byte[] GZIP = {0x1f, (byte) 0x8b};

  private static final byte[] BZIP2 = {'B', 'Z', 'h'};

  private ArchiveSignature() {
  }

  /** @return false also for kinds with no signature checked here (a plain tar, an egg) */
  static boolean startsAsNamed(final Path file, final String filename) throws IOException {
    byte[] expected = expectedFor(filename.toLowerCase(Locale.ROOT));
    if (expected == null) {
      return false;
    }
    byte[] start = new byte[expected.length];
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(start, 0, start.length) == start.length && Arrays.equals(start, expected);
    }
  }

  private static byte[] expectedFor(final String name) {
    if (name.endsWith(".whl") || name.endsWith(".zip")) {
      return ZIP;
    }
    if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
      return GZIP;
    }
    return name.endsWith(".tar.bz2") ? BZIP2 : null;
  }
}
