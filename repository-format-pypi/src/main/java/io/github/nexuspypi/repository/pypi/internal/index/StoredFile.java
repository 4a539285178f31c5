package io.github.nexuspypi.repository.pypi.internal.index;

import java.util.Map;

import io.github.nexuspypi.core.index.DistributionLink;

/**
 * One stored distribution file, as the pages and the JSON API describe it.
 *
 * @param path    its asset path
 * @param version the normalised version of its release
 * @param link    the file as a project page lists it, linked relative to {@code /simple/<project>/}
 * @param digests md5, sha256 and blake2b_256, as the Warehouse JSON API names them
 */
public record StoredFile(String path, String version, DistributionLink link, String packageType,
                         String pythonVersion, Map<String, String> digests)
{
}
