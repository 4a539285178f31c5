package io.github.nexuspypi.repository.pypi.internal.store;

import java.util.HashMap;
import java.util.Map;

import javax.annotation.Nullable;

import org.sonatype.nexus.common.entity.Continuation;
import org.sonatype.nexus.repository.content.Asset;
import org.sonatype.nexus.repository.content.store.AssetDAO;

/**
 * Table {@code pypi_asset}: the template DAO's queries, and one of ours (PypiAssetDAO.xml).
 */
public interface PypiAssetDAO
    extends AssetDAO
{
  /**
   * The assets under a folder of one repository, as {@code browseAssets} with {@link AssetPathPrefix#FILTER} finds
   * them, but as plain data: their release and blob are not loaded. The template's result makes each row a lazy
   * loading proxy, and making those cost most of a project page's build (docs/benchmarks.md).
   *
   * @param parameters {@link #assetsUnder}'s
   */
  Continuation<Asset> browseAssetsUnder(Map<String, Object> parameters);

  /**
   * The parameters of {@link #browseAssetsUnder}, by name: MyBatis's own {@code @Param} is not visible to plugins.
   *
   * @param prefix the folder, {@code /} at its end
   */
  static Map<String, Object> assetsUnder(final int repositoryId, final String prefix, final int limit,
                                         @Nullable final String continuationToken)
  {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("repositoryId", repositoryId);
    parameters.put("pattern", AssetPathPrefix.pattern(prefix));
    parameters.put("limit", limit);
    parameters.put("continuationToken", continuationToken);
    return parameters;
  }
}
