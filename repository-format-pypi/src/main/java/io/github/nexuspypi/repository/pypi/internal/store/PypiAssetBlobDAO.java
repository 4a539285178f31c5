package io.github.nexuspypi.repository.pypi.internal.store;

import org.sonatype.nexus.repository.content.store.AssetBlobDAO;

/**
 * Table {@code pypi_asset_blob}; the template DAO's queries are enough.
 */
public interface PypiAssetBlobDAO
    extends AssetBlobDAO
{
}
