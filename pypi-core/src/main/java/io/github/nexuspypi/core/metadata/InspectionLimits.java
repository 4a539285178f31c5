package io.github.nexuspypi.core.metadata;

/**
 * How much work reading one uploaded file's metadata may cost, so that a hostile archive costs no more than an
 * honest one.
 *
 * @param maxMetadataBytes    the largest METADATA / PKG-INFO accepted, declared or actually read
 * @param maxCompressionRatio how many times its compressed size a zip entry may expand to
 * @param maxZipEntries       the most entries a zip's central directory may list (each costs memory to open)
 * @param maxTarScanBytes     how many uncompressed bytes of a tar may pass before PKG-INFO turns up
 */
public record InspectionLimits(long maxMetadataBytes, int maxCompressionRatio, int maxZipEntries,
                               long maxTarScanBytes)
{
  private static final long MIB = 1024 * 1024;

  /** Far above any real distribution's needs: PyPI's largest METADATA files are a few hundred KiB. */
  public static final InspectionLimits DEFAULTS = new InspectionLimits(8 * MIB, 100, 100_000, 512 * MIB);

  public InspectionLimits {
    if (maxMetadataBytes <= 0 || maxCompressionRatio <= 0 || maxZipEntries <= 0 || maxTarScanBytes <= 0) {
      throw new IllegalArgumentException("Inspection limits must be positive: " + maxMetadataBytes + ", "
          + maxCompressionRatio + ", " + maxZipEntries + ", " + maxTarScanBytes);
    }
  }
}
