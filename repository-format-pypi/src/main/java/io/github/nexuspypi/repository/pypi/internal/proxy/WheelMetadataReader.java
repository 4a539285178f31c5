package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.filename.InvalidFilenameException;
import io.github.nexuspypi.core.metadata.DistributionInspector;
import io.github.nexuspypi.core.metadata.InvalidDistributionException;

/**
 * The core metadata of a wheel, read out of the wheel itself: what the proxy serves as its {@code .metadata} file
 * (PEP 658) when upstream offers none. The wheel is copied onto a temporary file first, since its {@code METADATA}
 * is found through the zip's central directory, at the end; the copy is deleted whatever happens.
 */
final class WheelMetadataReader
{
  private final Path temporaryDirectory;

  WheelMetadataReader(final Path temporaryDirectory) {
    this.temporaryDirectory = temporaryDirectory;
  }

  /** @throws IOException also when the wheel is not one, or has no valid metadata */
  byte[] read(final InputStream wheel, final String filename) throws IOException {
    Path copy = Files.createTempFile(temporaryDirectory, "pypi-wheel-", ".whl");
    try {
      Files.copy(wheel, copy, StandardCopyOption.REPLACE_EXISTING);
      return new DistributionInspector().inspect(copy, DistributionFilename.parse(filename)).metadataFile();
    }
    catch (InvalidDistributionException | InvalidFilenameException e) {
      throw new IOException("Cannot read the METADATA of " + filename + ": " + e.getMessage(), e);
    }
    finally {
      Files.deleteIfExists(copy);
    }
  }
}
