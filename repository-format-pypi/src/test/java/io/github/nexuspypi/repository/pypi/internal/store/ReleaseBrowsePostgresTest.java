package io.github.nexuspypi.repository.pypi.internal.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;

import org.apache.ibatis.mapping.BoundSql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hosted root's listing of releases ({@link PypiComponentDAO#browseReleases}) on PostgreSQL, the database of
 * Sonatype's HA: the table as Nexus creates it there, 100 000 releases, analysed as autovacuum would. Every page
 * must be a range of the primary key read in its order, the first one too, and in the plan PostgreSQL keeps for a
 * prepared statement it runs often (the JDBC driver prepares one on the server from its fifth run on), not a scan
 * of the table sorted for each page. H2's way of keeping it off the repository's index ({@code repository_id + 0})
 * does not serve here: PostgreSQL has no statistics for the sum, guesses that one release in 200 matches, and
 * reads the whole table and sorts it for the first third of the pages.
 */
class ReleaseBrowsePostgresTest
{
  private static final ComponentTable TABLE = ComponentTable.postgresql();

  private static ThrowawayPostgres server;

  private static Connection connection;

  @BeforeAll
  static void aTableOfOneHundredThousandReleasesInTwoRepositories() throws IOException, SQLException {
    server = ThrowawayPostgres.start();
    connection = DriverManager.getConnection(server.jdbcUrl("postgres"));
    TABLE.createAndFill(connection);
    try (Statement sql = connection.createStatement()) {
      sql.execute("ANALYZE");
    }
  }

  @AfterAll
  static void stop() throws SQLException {
    try {
      if (connection != null) {
        connection.close();
      }
    }
    finally {
      if (server != null) {
        server.close();
      }
    }
  }

  @Test
  void thePagesHoldExactlyTheRepositorysReleasesInIdOrder() throws SQLException {
    assertEquals(ComponentTable.expectedReleaseIds(), TABLE.releaseIds(connection));
  }

  @Test
  void everyPageIsARangeOfThePrimaryKeyInItsOrder() throws SQLException {
    for (Integer afterId : new Integer[]{null, 30_000, 90_000}) {
      assertReadsAlongThePrimaryKey(TABLE.plan(connection, afterId));
    }
  }

  @Test
  void soIsThePlanKeptForAnyValues() throws SQLException {
    BoundSql bound = TABLE.browseReleases(0);
    StringBuilder numbered = new StringBuilder();
    int parameter = 0;
    for (char c : bound.getSql().replace(";", "").toCharArray()) {
      numbered.append(c == '?' ? "$" + ++parameter : String.valueOf(c));
    }
    String values = ComponentTable.values(bound).stream().map(String::valueOf).collect(Collectors.joining(", "));
    try (Statement sql = connection.createStatement()) {
      sql.execute("SET plan_cache_mode = force_generic_plan");
      sql.execute("PREPARE browse_releases AS " + numbered);
      StringBuilder plan = new StringBuilder();
      try (ResultSet rows = sql.executeQuery("EXPLAIN EXECUTE browse_releases(" + values + ")")) {
        while (rows.next()) {
          plan.append(rows.getString(1)).append('\n');
        }
      }
      sql.execute("DEALLOCATE browse_releases");
      sql.execute("RESET plan_cache_mode");
      assertTrue(plan.toString().contains("$1"), "a plan for any values:\n" + plan);
      assertReadsAlongThePrimaryKey(plan.toString());
    }
  }

  private static void assertReadsAlongThePrimaryKey(final String plan) {
    System.out.println("PostgreSQL plan of a page of releases:\n" + plan);
    assertTrue(plan.contains("Index Scan using pk_pypi_component_id") && plan.contains("Index Cond: (component_id >"),
        plan);
    assertFalse(plan.contains("Seq Scan") || plan.contains("Sort"), plan);
  }
}
