package io.github.nexuspypi.core.metadata;

/**
 * What an uploaded file says about itself.
 *
 * @param metadata     the parsed core metadata
 * @param metadataFile the METADATA / PKG-INFO bytes exactly as in the archive: served as the PEP 658
 *                     {@code .metadata} file, whose hash clients check, so never re-encoded (nor copied: do not
 *                     modify the array)
 */
public record InspectedDistribution(CoreMetadata metadata, byte[] metadataFile)
{
}
