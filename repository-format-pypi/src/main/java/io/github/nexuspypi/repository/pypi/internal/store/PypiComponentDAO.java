package io.github.nexuspypi.repository.pypi.internal.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.annotation.Nullable;

import org.sonatype.nexus.repository.content.Component;
import org.sonatype.nexus.repository.content.store.ComponentDAO;

/**
 * Table {@code pypi_component}: the template DAO's queries, and one of ours (PypiComponentDAO.xml).
 */
public interface PypiComponentDAO
    extends ComponentDAO
{
  /**
   * A page of a repository's releases in id order, read along the primary key. The template's browse asks for the
   * same rows, but H2 answers it from an index on the repository and sorts all the repository's releases after the
   * last id for every page: the hosted root's listing of 100 000 projects took 2.3 s of queries alone, 17 times that
   * of 10 000 (docs/benchmarks.md).
   *
   * @param parameters {@link #releasesAfter}'s
   */
  List<Component> browseReleases(Map<String, Object> parameters);

  /**
   * The parameters of {@link #browseReleases}, by name: MyBatis's own {@code @Param} is not visible to plugins.
   *
   * @param afterId the internal id of the last release of the page before, {@code null} for the first
   */
  static Map<String, Object> releasesAfter(final int repositoryId, final int limit, @Nullable final Integer afterId) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("repositoryId", repositoryId);
    parameters.put("limit", limit);
    parameters.put("afterId", afterId);
    return parameters;
  }
}
