package io.github.nexuspypi.core.metadata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one archive member into memory under the inspection limits. The sizes an archive declares can lie, so the
 * limits are checked against the declared sizes first and against the bytes that actually come out while reading,
 * which stops as soon as one is passed.
 */
final class BoundedEntry
{
  private static final int BUFFER = 8192;

  private final InspectionLimits limits;

  private final String where;

  /**
   * @param where the member and its archive, for messages: {@code "foo-1.0.dist-info/METADATA in 'foo-1.0-...whl'"}
   */
  BoundedEntry(final InspectionLimits limits, final String where) {
    this.limits = limits;
    this.where = where;
  }

  /**
   * @param declaredSize   the size the archive states, or -1 if it states none
   * @param compressedSize the member's compressed size in a zip, or -1 where members are not compressed one by one
   */
  byte[] read(final InputStream in, final long declaredSize, final long compressedSize)
      throws IOException, InvalidDistributionException
  {
    checkSize(declaredSize);
    checkRatio(declaredSize, compressedSize);
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declaredSize, BUFFER), BUFFER * 16));
    byte[] buffer = new byte[BUFFER];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) != -1) {
      total += n;
      checkSize(total);
      checkRatio(total, compressedSize);
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private void checkSize(final long size) throws InvalidDistributionException {
    if (size > limits.maxMetadataBytes()) {
      throw new InvalidDistributionException(where + " is larger than the limit of " + limits.maxMetadataBytes()
          + " bytes; core metadata this large is a mistake, check the long description.");
    }
  }

  private void checkRatio(final long size, final long compressedSize) throws InvalidDistributionException {
    if (compressedSize >= 0 && size > limits.maxCompressionRatio() * Math.max(compressedSize, 1)) {
      throw new InvalidDistributionException(where + " expands to more than " + limits.maxCompressionRatio()
          + " times its compressed size of " + compressedSize + " bytes, as only a zip bomb does; rebuild the file.");
    }
  }
}
