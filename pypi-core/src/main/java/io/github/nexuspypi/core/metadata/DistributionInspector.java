package io.github.nexuspypi.core.metadata;

import java.io.IOException;
import java.nio.file.Path;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.filename.SdistFilename;
import io.github.nexuspypi.core.filename.WheelFilename;

/**
 * Reads the core metadata out of a distribution file: a wheel's {@code {name}-{version}.dist-info/METADATA}, an
 * sdist's {@code {name}-{version}/PKG-INFO}. Only that one member is read, under {@link InspectionLimits}, so a
 * hostile upload costs no more than an honest one.
 */
public final class DistributionInspector
{
  private final InspectionLimits limits;

  public DistributionInspector() {
    this(InspectionLimits.DEFAULTS);
  }

  DistributionInspector(final InspectionLimits limits) {
    this.limits = limits;
  }

  /**
   * @param file     the distribution, e.g. an upload spooled to a temporary file
   * @param filename what the file is called, which says what kind of archive it must be
   * @throws InvalidDistributionException the file is not the archive its name says, or lacks valid metadata
   * @throws IOException                  the file itself could not be opened or read
   */
  public InspectedDistribution inspect(final Path file, final DistributionFilename filename)
      throws InvalidDistributionException, IOException
  {
    byte[] metadataFile = metadataFile(file, filename);
    String where = (filename instanceof WheelFilename ? "METADATA" : "PKG-INFO") + " of '" + filename.filename() + "'";
    CoreMetadata metadata = CoreMetadata.parse(metadataFile);
    for (String required : new String[] {"Name", "Version"}) {
      if (metadata.get(required).filter(value -> !value.isBlank()).isEmpty()) {
        throw new InvalidDistributionException("the " + where + " has no " + required + " field; rebuild it with "
            + "a current build backend.");
      }
    }
    return new InspectedDistribution(metadata, metadataFile);
  }

  private byte[] metadataFile(final Path file, final DistributionFilename filename)
      throws IOException, InvalidDistributionException
  {
    if (filename instanceof WheelFilename wheel) {
      try (ZipDistribution zip = ZipDistribution.open(file, wheel.filename(), limits)) {
        return WheelMetadata.read(zip, wheel);
      }
    }
    SdistFilename sdist = (SdistFilename) filename;
    return ".zip".equals(sdist.extension()) ? zipPkgInfo(file, sdist) : TarSdist.readPkgInfo(file, sdist, limits);
  }

  private byte[] zipPkgInfo(final Path file, final SdistFilename sdist)
      throws IOException, InvalidDistributionException
  {
    try (ZipDistribution zip = ZipDistribution.open(file, sdist.filename(), limits)) {
      SdistLayout layout = new SdistLayout(sdist.filename());
      String pkgInfo = null;
      for (String name : zip.entryNames()) {
        if (layout.add(name)) {
          pkgInfo = name;
        }
      }
      if (pkgInfo == null) {
        throw layout.missingPkgInfo();
      }
      return zip.read(pkgInfo).orElseThrow(layout::missingPkgInfo);
    }
  }
}
