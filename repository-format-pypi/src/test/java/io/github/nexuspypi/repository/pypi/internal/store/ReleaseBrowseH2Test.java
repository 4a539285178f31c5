package io.github.nexuspypi.repository.pypi.internal.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hosted root lists a repository's releases with {@link PypiComponentDAO#browseReleases}: on H2 2.2.224 (what
 * Nexus 3.71 ships), with 100 000 releases in the table Nexus creates, each page must be a range of the primary key
 * read in its order, not the repository's rows read from another index and sorted.
 */
class ReleaseBrowseH2Test
{
  private static final ComponentTable TABLE = ComponentTable.h2();

  private static Connection connection;

  @BeforeAll
  static void aTableOfOneHundredThousandReleasesInTwoRepositories() throws SQLException {
    connection = DriverManager.getConnection("jdbc:h2:mem:pypi-releases;DB_CLOSE_DELAY=-1");
    TABLE.createAndFill(connection);
    try (Statement sql = connection.createStatement()) {
      sql.execute("ANALYZE");
    }
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  @Test
  void everyPageIsARangeOfThePrimaryKeyInItsOrder() throws SQLException {
    for (Integer afterId : new Integer[]{null, 50_000}) {
      String plan = TABLE.plan(connection, afterId).toUpperCase();
      assertTrue(plan.contains("PRIMARY_KEY") && plan.contains("COMPONENT_ID >"), plan);
      assertTrue(plan.contains("/* INDEX SORTED */"), plan);
      assertFalse(plan.contains("UK_PYPI_COMPONENT") || plan.contains("IDX_PYPI_COMPONENT_SET"), plan);
    }
  }

  @Test
  void thePagesHoldExactlyTheRepositorysReleasesInIdOrder() throws SQLException {
    assertEquals(ComponentTable.expectedReleaseIds(), TABLE.releaseIds(connection));
  }
}
