package io.github.nexuspypi.repository.pypi.internal.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.annotation.Nullable;

import org.sonatype.nexus.repository.content.Asset;
import org.sonatype.nexus.repository.content.store.AssetDAO;

/**
 * Table {@code pypi_asset}: the template DAO's queries, and one of ours (PypiAssetDAO.xml).
 */
public interface PypiAssetDAO
    extends AssetDAO
{
  /**
   * A page of the assets under a folder of one repository, those {@link AssetPathPrefix#FILTER} finds, in path
   * order, as plain data: their release and blob are not loaded. The template's result makes each row a lazy
   * loading proxy, and making those cost most of a project page's build (docs/benchmarks.md).
   *
   * @param parameters {@link #assetsUnder}'s
   */
  List<Asset> browseAssetsUnder(Map<String, Object> parameters);

  /**
   * The parameters of {@link #browseAssetsUnder}, by name: MyBatis's own {@code @Param} is not visible to plugins.
   *
   * @param prefix    the folder, {@code /} at its end
   * @param afterPath the last path of the page before, {@code null} for the first
   */
  static Map<String, Object> assetsUnder(final int repositoryId, final String prefix, final int limit,
                                         @Nullable final String afterPath)
  {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("repositoryId", repositoryId);
    parameters.put("pattern", AssetPathPrefix.pattern(prefix));
    parameters.put("limit", limit);
    parameters.put("afterPath", afterPath);
    return parameters;
  }
}
