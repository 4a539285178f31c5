package io.github.nexuspypi.core.metadata;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.nexuspypi.core.filename.SdistFilename;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Finds PKG-INFO in a tar sdist by streaming through it: a tar has no index, so members are passed over until
 * PKG-INFO comes, and at most {@link InspectionLimits#maxTarScanBytes()} uncompressed bytes of them.
 */
final class TarSdist
{
  private TarSdist() {
  }

  static byte[] readPkgInfo(final Path file, final SdistFilename sdist, final InspectionLimits limits)
      throws IOException, InvalidDistributionException
  {
    String filename = sdist.filename();
    SdistLayout layout = new SdistLayout(filename);
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
         TarArchiveInputStream tar = new TarArchiveInputStream(new ScanLimit(decompress(raw, sdist), limits)))
    {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (layout.add(entry.getName())) {
          if (!entry.isFile() || entry.isSymbolicLink() || entry.isLink()) {
            throw new InvalidDistributionException(entry.getName() + " in '" + filename + "' is not a regular file.");
          }
          return new BoundedEntry(limits, entry.getName() + " in '" + filename + "'").read(tar, entry.getSize(), -1);
        }
      }
      throw layout.missingPkgInfo();
    }
    catch (ScanLimitReached e) {
      throw new InvalidDistributionException("no PKG-INFO in the first " + limits.maxTarScanBytes() + " bytes of '"
          + filename + "'; an sdist's PKG-INFO comes near its start.");
    }
    catch (IOException e) {
      throw InvalidDistributionException.unreadable("'" + filename + "' is not a readable " + sdist.extension()
          + " archive", e);
    }
  }

  private static InputStream decompress(final InputStream raw, final SdistFilename sdist)
      throws IOException, InvalidDistributionException
  {
    switch (sdist.extension()) {
      case ".tar.gz":
      case ".tgz":
        return new GzipCompressorInputStream(raw, true);
      case ".tar.bz2":
        return new BZip2CompressorInputStream(raw, true);
      case ".tar":
        return raw;
      default:
        throw new InvalidDistributionException("'" + sdist.filename() + "' cannot be inspected: " + sdist.extension()
            + " archives are not supported; upload a .tar.gz sdist as 'python -m build --sdist' makes it.");
    }
  }

  private static final class ScanLimitReached
      extends IOException
  {
    ScanLimitReached() {
      super("scan limit reached");
    }
  }

  /** Counts the uncompressed bytes the tar reader consumes, skipped ones included, and stops at the limit. */
  private static final class ScanLimit
      extends FilterInputStream
  {
    private long remaining;

    ScanLimit(final InputStream in, final InspectionLimits limits) {
      super(in);
      this.remaining = limits.maxTarScanBytes();
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      consumed(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(final byte[] b, final int off, final int len) throws IOException {
      int n = super.read(b, off, len);
      consumed(Math.max(n, 0));
      return n;
    }

    @Override
    public long skip(final long n) throws IOException {
      long skipped = super.skip(n);
      consumed(skipped);
      return skipped;
    }

    private void consumed(final long bytes) throws ScanLimitReached {
      remaining -= bytes;
      if (remaining < 0) {
        throw new ScanLimitReached();
      }
    }
  }
}
