package io.github.nexuspypi.core.warehouse;

/**
 * Where the API's {@code package_url}/{@code project_url} and {@code release_url} point: pypi.org has a web page
 * per project and per release; a repository without such pages points at what it does serve.
 */
public interface WarehouseUrls
{
  String project(String normalizedName);

  String release(String normalizedName, String version);

  /** pypi.org's layout: {@code <base><name>/} and {@code <base><name>/<version>/}. */
  static WarehouseUrls under(final String base) {
    String root = base.endsWith("/") ? base : base + "/";
    return new WarehouseUrls()
    {
      @Override
      public String project(final String normalizedName) {
        return root + normalizedName + "/";
      }

      @Override
      public String release(final String normalizedName, final String version) {
        return project(normalizedName) + version + "/";
      }
    };
  }
}
