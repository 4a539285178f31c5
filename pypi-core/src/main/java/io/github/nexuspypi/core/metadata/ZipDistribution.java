package io.github.nexuspypi.core.metadata;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A wheel or zip sdist opened through its central directory, so that one member is read without the others:
 * random access, never a pass through the whole archive.
 */
final class ZipDistribution
    implements Closeable
{
  private final ZipFile zip;

  private final String filename;

  private final InspectionLimits limits;

  private ZipDistribution(final ZipFile zip, final String filename, final InspectionLimits limits) {
    this.zip = zip;
    this.filename = filename;
    this.limits = limits;
  }

  static ZipDistribution open(final Path file, final String filename, final InspectionLimits limits)
      throws IOException, InvalidDistributionException
  {
    try {
      if (ZipEntryCount.count(file, limits.maxZipEntries()) > limits.maxZipEntries()) {
        throw new InvalidDistributionException("'" + filename + "' holds more than " + limits.maxZipEntries()
            + " entries.");
      }
      return new ZipDistribution(ZipFile.builder().setPath(file).get(), filename, limits);
    }
    catch (IOException e) {
      throw InvalidDistributionException.unreadable("'" + filename + "' is not a readable zip archive", e);
    }
  }

  String filename() {
    return filename;
  }

  List<String> entryNames() {
    List<String> names = new ArrayList<>();
    for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
      names.add(entry.getName());
    }
    return names;
  }

  boolean has(final String name) {
    return entry(name).isPresent();
  }

  private Optional<ZipArchiveEntry> entry(final String name) {
    return Optional.ofNullable(zip.getEntry(name)).filter(entry -> !entry.isDirectory());
  }

  /** The member's bytes, under the limits; empty if there is no such file in the archive. */
  Optional<byte[]> read(final String name) throws IOException, InvalidDistributionException {
    Optional<ZipArchiveEntry> entry = entry(name);
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    BoundedEntry bounded = new BoundedEntry(limits, name + " in '" + filename + "'");
    try (InputStream in = zip.getInputStream(entry.get())) {
      return Optional.of(bounded.read(in, entry.get().getSize(), entry.get().getCompressedSize()));
    }
    catch (IOException e) {
      throw InvalidDistributionException.unreadable(name + " in '" + filename + "' cannot be read", e);
    }
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
