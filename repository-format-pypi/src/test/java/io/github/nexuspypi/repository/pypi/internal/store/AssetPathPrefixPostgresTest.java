package io.github.nexuspypi.repository.pypi.internal.store;

import java.io.IOException;
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
 * The SQL the plugin adds runs on PostgreSQL, the database of Sonatype's HA, as it runs on H2: the same assets
 * page by page, its escaped wildcards meaning the same. PostgreSQL reads a prefix {@code LIKE} as a range of a plain
 * index on {@code path} only in a database of the C collation: one is made here for the plan. In a database of
 * another collation (the cluster's default, printed for the record) it reads the whole table instead, testing each
 * row, unless the pattern index the admin guide suggests is added: a third database has it (docs/admin-guide.md,
 * "What scales how").
 */
class AssetPathPrefixPostgresTest
{
  private static ThrowawayPostgres server;

  private static Connection connection;

  private static Connection collationC;

  private static Connection patternIndex;

  /** The index docs/admin-guide.md tells PostgreSQL users of another collation than C to add, word for word. */
  static final String PATTERN_INDEX = "CREATE INDEX pypi_asset_path_pattern ON pypi_asset (path varchar_pattern_ops)";

  @BeforeAll
  static void aTableOfOneHundredThousandAssetsInThreeDatabases() throws IOException, SQLException {
    server = ThrowawayPostgres.start();
    connection = DriverManager.getConnection(server.jdbcUrl("postgres"));
    try (Statement sql = connection.createStatement()) {
      sql.execute("CREATE DATABASE collation_c TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'");
      // Not the C collation, under which a plain index serves: C.UTF-8, which every glibc has.
      sql.execute("CREATE DATABASE pattern_index TEMPLATE template0 LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'");
    }
    collationC = DriverManager.getConnection(server.jdbcUrl("collation_c"));
    patternIndex = DriverManager.getConnection(server.jdbcUrl("pattern_index"));
    for (Connection database : databases()) {
      AssetTable table = AssetTable.postgresql();
      table.create(database);
      table.fill(database);
      try (Statement sql = database.createStatement()) {
        if (database == patternIndex) {
          sql.execute(PATTERN_INDEX);
        }
        sql.execute("ANALYZE pypi_asset");
      }
    }
  }

  private static Connection[] databases() {
    return new Connection[] {connection, collationC, patternIndex};
  }

  @AfterAll
  static void stop() throws SQLException {
    try {
      for (Connection database : databases()) {
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
  void thePatternIndexAnswersAsTheOthers() throws SQLException {
    assertEquals(expectedUnder(42), AssetTable.pathsUnder(patternIndex, projectFolder(42)));
    assertEquals(AssetTable.pathsUnder(connection, projectFolder(5)), AssetTable.pathsUnder(patternIndex,
        projectFolder(5)));
  }

  @Test
  void underAnotherCollationThePatternIndexIsReadAsARange() throws SQLException {
    for (boolean continuation : new boolean[] {false, true}) {
      String plan = rangePlan(patternIndex, continuation, "~>=~");
      assertTrue(plan.contains("pypi_asset_path_pattern"), plan);
      System.out.println("PostgreSQL plan, collation C.UTF-8 with the pattern index"
          + (continuation ? ", next page" : "") + ":\n" + plan);
    }
  }

  @Test
  void underTheCollationCTheBrowseReadsARangeOfAPathIndex() throws SQLException {
    for (boolean continuation : new boolean[] {false, true}) {
      String plan = rangePlan(collationC, continuation, ">=");
      System.out.println("PostgreSQL plan, collation C" + (continuation ? ", next page" : "") + ":\n" + plan);
      System.out.println("PostgreSQL plan, the cluster's collation" + (continuation ? ", next page" : "") + ":\n"
          + AssetTable.plan(connection, "EXPLAIN", continuation, projectFolder(5000)));
    }
  }

  @Test
  void anUploadsLookForItsReleasesFilesIsARangeOfAPathIndexToo() throws SQLException {
    String release = projectFolder(5000) + "1.3/";
    for (Connection database : new Connection[] {collationC, patternIndex}) {
      String plan = AssetTable.templatePlan(database, "EXPLAIN", release);
      System.out.println("PostgreSQL plan of Nexus's browse with the prefix filter:\n" + plan);
      assertFalse(plan.contains("pk_pypi_asset_id") || plan.contains("Seq Scan"), plan);
      assertTrue(plan.matches("(?s).*Index Cond: .*\\(\\(?path\\)?(::text)? (>=|~>=~).*"), plan);
      assertEquals(expectedUnder(5000).subList(6, 8), AssetTable.templatePaths(database, release));
    }
  }

  /** The plan of a page of a project's assets, which must read an index on path from {@code lowerBound} on. */
  private static String rangePlan(final Connection database, final boolean continuation, final String lowerBound)
      throws SQLException
  {
    String plan = AssetTable.plan(database, "EXPLAIN", continuation, projectFolder(5000));
    assertFalse(plan.contains("pk_pypi_asset_id") || plan.contains("Seq Scan"), plan);
    assertTrue(plan.matches("(?s).*Index Cond: .*\\(\\(?path\\)?(::text)? " + Pattern.quote(lowerBound) + ".*"),
        plan);
    return plan;
  }
}
