package io.github.nexuspypi.repository.pypi.internal.store;

import org.sonatype.nexus.repository.content.store.AssetDAO;

/**
 * Table {@code pypi_asset}; the template DAO's queries are enough.
 */
public interface PypiAssetDAO
    extends AssetDAO
{
}
