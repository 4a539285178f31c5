package io.github.nexuspypi.repository.pypi.internal.json;

import io.github.nexuspypi.core.warehouse.WarehouseUrls;

/**
 * The JSON API's links into a repository, which has no web page per project or release: a project's simple page,
 * and the release's own JSON document.
 */
final class RepositoryUrls
    implements WarehouseUrls
{
  private final String repositoryUrl;

  RepositoryUrls(final String repositoryUrl) {
    this.repositoryUrl = repositoryUrl;
  }

  @Override
  public String project(final String normalizedName) {
    return repositoryUrl + "/simple/" + normalizedName + "/";
  }

  @Override
  public String release(final String normalizedName, final String version) {
    return repositoryUrl + "/pypi/" + normalizedName + "/" + version + "/json";
  }
}
