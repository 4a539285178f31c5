package io.github.nexuspypi.repository.pypi.internal.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.nexuspypi.repository.pypi.internal.store.AssetTable.expectedUnder;
import static io.github.nexuspypi.repository.pypi.internal.store.AssetTable.projectFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SQL the plugin adds runs on PostgreSQL, the database of Sonatype's HA, as it runs on H2: the same assets
 * page by page, its escaped wildcards meaning the same. PostgreSQL reads a prefix {@code LIKE} as a range of a plain
 * index on {@code path} only in a database of the C collation: one is made here for the plan. In a database of
 * another collation (the cluster's default, printed for the record) it walks the primary key instead, testing each
 * row: see docs/admin-guide.md, "What scales how".
 */
class AssetPathPrefixPostgresTest
{
  private static ThrowawayPostgres server;

  private static Connection connection;

  private static Connection collationC;

  @BeforeAll
  static void aTableOfOneHundredThousandAssetsInTwoDatabases() throws IOException, SQLException {
    server = ThrowawayPostgres.start();
    connection = DriverManager.getConnection(server.jdbcUrl("postgres"));
    try (Statement sql = connection.createStatement()) {
      sql.execute("CREATE DATABASE collation_c TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'");
    }
    collationC = DriverManager.getConnection(server.jdbcUrl("collation_c"));
    for (Connection database : new Connection[] {connection, collationC}) {
      AssetTable table = AssetTable.postgresql();
      table.create(database);
      table.fill(database);
      try (Statement sql = database.createStatement()) {
        sql.execute("ANALYZE pypi_asset");
      }
    }
  }

  @AfterAll
  static void stop() throws SQLException {
    try {
      for (Connection database : new Connection[] {connection, collationC}) {
        if (database != null) {
          database.close();
        }
      }
    }
    finally {
      if (server != null) {
        server.close();
      }
    }
  }

  @Test
  void aProjectsAssetsAreExactlyThoseUnderItsFolderInThisRepository() throws SQLException {
    assertEquals(expectedUnder(3), AssetTable.pathsUnder(connection, projectFolder(3)));
    assertEquals(expectedUnder(9999), AssetTable.pathsUnder(connection, projectFolder(9999)));
  }

  @Test
  void bothCollationsAnswerTheSame() throws SQLException {
    assertEquals(AssetTable.pathsUnder(connection, projectFolder(42)), AssetTable.pathsUnder(collationC,
        projectFolder(42)));
  }

  @Test
  void underTheCollationCTheBrowseReadsARangeOfAPathIndex() throws SQLException {
    for (boolean continuation : new boolean[] {false, true}) {
      String plan = AssetTable.plan(collationC, "EXPLAIN", continuation, projectFolder(5000));
      assertFalse(plan.contains("pk_pypi_asset_id") || plan.contains("Seq Scan"), plan);
      assertTrue(plan.matches("(?s).*Index Cond: .*\\(\\(?path\\)?(::text)? >=.*"), plan);
      System.out.println("PostgreSQL plan, collation C" + (continuation ? ", next page" : "") + ":\n" + plan);
      System.out.println("PostgreSQL plan, the cluster's collation" + (continuation ? ", next page" : "") + ":\n"
          + AssetTable.plan(connection, "EXPLAIN", continuation, projectFolder(5000)));
    }
  }
}
