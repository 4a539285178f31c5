package io.github.nexuspypi.core.warehouse;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.github.nexuspypi.core.index.CoreMetadataRef;
import io.github.nexuspypi.core.index.DistributionLink;

/**
 * One file of a release as the Warehouse JSON API describes it. Whether it is yanked is not here: Warehouse yanks
 * whole releases, so that comes from the {@link WarehouseRelease}.
 *
 * @param filename       the file name
 * @param url            its download URL, absolute
 * @param packageType    the upload form's {@code filetype}: {@code sdist}, {@code bdist_wheel}, or a legacy type
 * @param pythonVersion  the upload form's {@code pyversion}: {@code source} for sdists, a Python tag such as
 *                       {@code py3} or {@code cp312} for wheels
 * @param digests        hash name to hex; the API shows {@code md5}, {@code sha256} and {@code blake2b_256}, null
 *                       where unknown (a file known only from an upstream page has just its sha256)
 * @param size           bytes, {@code null} when unknown
 * @param uploadTime     {@code null} when unknown
 * @param requiresPython the file's Requires-Python, {@code null} when it has none
 * @param coreMetadata   the PEP 658 metadata file, {@code null} when none is served
 */
public record WarehouseFile(String filename, String url, String packageType, String pythonVersion,
                            Map<String, String> digests, Long size, Instant uploadTime, String requiresPython,
                            CoreMetadataRef coreMetadata)
{
  public WarehouseFile {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(url, "url");
    digests = digests == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(digests));
  }

  /** The same file as a project page lists it, plus what only the upload form said about it. */
  public static WarehouseFile of(final DistributionLink link, final String packageType, final String pythonVersion) {
    return new WarehouseFile(link.filename(), link.url(), packageType, pythonVersion, link.hashes(), link.size(),
        link.uploadTime(), link.requiresPython(), link.coreMetadata());
  }
}
