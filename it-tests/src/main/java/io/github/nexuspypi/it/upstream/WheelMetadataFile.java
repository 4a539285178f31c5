package io.github.nexuspypi.it.upstream;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.filename.InvalidFilenameException;
import io.github.nexuspypi.core.filename.WheelFilename;
import io.github.nexuspypi.core.metadata.DistributionInspector;
import io.github.nexuspypi.core.metadata.InvalidDistributionException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A wheel's own {@code .dist-info/METADATA}, read by pypi-core as an index reads it: what pypi.org serves as PEP 658
 * metadata.
 */
final class WheelMetadataFile
{
  private WheelMetadataFile() {
  }

  /**
   * {@code null} for anything but a wheel pypi-core can read: an sdist, or a wheel a test made broken on purpose, has
   * no {@code .metadata} file unless the test gives one.
   */
  static byte[] read(final String filename, final byte[] bytes) {
    DistributionFilename name;
    try {
      name = DistributionFilename.parse(filename);
    }
    catch (InvalidFilenameException e) {
      return null;
    }
    if (!(name instanceof WheelFilename)) {
      return null;
    }
    try {
      Path file = Files.createTempFile("fake-index-", ".whl");
      try {
        Files.write(file, bytes);
        return new DistributionInspector().inspect(file, name).metadataFile();
      }
      finally {
        Files.delete(file);
      }
    }
    catch (InvalidDistributionException e) {
      return null;
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + filename + " through a temporary file", e);
    }
  }
}
