package io.github.nexuspypi.repository.pypi.internal.json;

import io.github.nexuspypi.core.warehouse.WarehouseUrls;

import org.sonatype.nexus.repository.view.Context;

/**
 * The JSON API's links into a repository, which has no web page per project or release: a project's simple page,
 * and the release's own JSON document.
 */
public final class RepositoryUrls
    implements WarehouseUrls
{
  private static final String SERVED_AS = RepositoryUrls.class.getName() + ".servedAs";

  private final String repositoryUrl;

  RepositoryUrls(final String repositoryUrl) {
    this.repositoryUrl = repositoryUrl;
  }

  /** A group asking a member on a client's behalf: the member's links then lead through the group. */
  public static void serveAs(final Context groupContext) {
    groupContext.getRequest().getAttributes().set(SERVED_AS, groupContext.getRepository().getUrl());
  }

  /** The URL of the repository the client asked: this one, or the group that asked it. */
  static String servedAs(final Context context) {
    String group = context.getRequest().getAttributes().get(SERVED_AS, String.class);
    return group == null ? context.getRepository().getUrl() : group;
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
