package io.github.nexuspypi.repository.pypi.internal.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.nexuspypi.repository.pypi.internal.store.AssetTable.expectedUnder;
import static io.github.nexuspypi.repository.pypi.internal.store.AssetTable.projectFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A project's page reads its assets with {@link PypiAssetDAO#browseAssetsUnder}, a pattern of
 * {@link AssetPathPrefix}: on Nexus 3.71's own database (H2 2.2.224, the
 * version it ships) with 100 000 assets, that must be a range of the index on {@code path}, not a scan of the table
 * in {@code asset_id} order that tests every row against the pattern.
 */
class AssetPathPrefixH2Test
{
  private static Connection connection;

  @BeforeAll
  static void aTableOfOneHundredThousandAssets() throws SQLException {
    connection = DriverManager.getConnection("jdbc:h2:mem:pypi-assets;DB_CLOSE_DELAY=-1");
    AssetTable table = AssetTable.h2();
    table.create(connection);
    table.fill(connection);
    try (Statement sql = connection.createStatement()) {
      sql.execute("ANALYZE");
    }
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  @Test
  void theFirstPageOfAProjectsAssetsIsARangeOfAPathIndex() throws SQLException {
    assertUsesAPathIndex(AssetTable.plan(connection, "EXPLAIN", false, projectFolder(5000)), projectFolder(5000));
  }

  @Test
  void theNextPagesAreToo() throws SQLException {
    assertUsesAPathIndex(AssetTable.plan(connection, "EXPLAIN", true, projectFolder(5000)), projectFolder(5000));
  }

  @Test
  void anUploadsLookForItsReleasesFilesIsARangeOfAPathIndexToo() throws SQLException {
    String release = projectFolder(5000) + "1.3/";
    assertUsesAPathIndex(AssetTable.templatePlan(connection, "EXPLAIN", release), release);
    assertEquals(expectedUnder(5000).subList(6, 8), AssetTable.templatePaths(connection, release));
  }

  @Test
  void aProjectsAssetsAreExactlyThoseUnderItsFolderInThisRepository() throws SQLException {
    assertEquals(expectedUnder(3), AssetTable.pathsUnder(connection, projectFolder(3)));
    assertEquals(expectedUnder(9999), AssetTable.pathsUnder(connection, projectFolder(9999)));
  }

  /** H2 writes the index it reads into the plan as a comment, with the range it reads of it. */
  private static void assertUsesAPathIndex(final String plan, final String prefix) {
    String upper = plan.toUpperCase();
    assertFalse(upper.contains("TABLESCAN"), plan);
    assertFalse(upper.contains("PRIMARY_KEY"), plan);
    // H2 reads a prefix LIKE as the range from the prefix to the prefix with its last character the next one.
    String end = prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
    assertTrue(upper.matches("(?s).*/\\* PUBLIC\\.(IDX_PYPI_ASSET_PATH|UK_PYPI_ASSET_REPOSITORY_PATH)[A-Z_0-9]*:[^*]*"
        + "PATH >= '" + Pattern.quote(prefix.toUpperCase()) + "'\\s+AND PATH < '" + Pattern.quote(end.toUpperCase())
        + "'[^*]*\\*/.*"), plan);
  }
}
