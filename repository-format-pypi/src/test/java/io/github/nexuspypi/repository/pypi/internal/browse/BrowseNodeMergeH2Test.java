package io.github.nexuspypi.repository.pypi.internal.browse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import io.github.nexuspypi.repository.pypi.internal.store.MapperXml;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sonatype.nexus.repository.content.browse.store.BrowseNodeDAO;
import org.sonatype.nexus.repository.content.browse.store.BrowseNodeData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browse node merge Nexus runs for PyPI repositories on H2 (2.2.224, the version 3.71 ships): its template's
 * mapper (BrowseNodeDAO.xml from Nexus's own jar) with PypiBrowseNodeDAO.xml appended, composed as Nexus composes
 * them and run through MyBatis. It must be ours, do what the template's does, and find a node through the unique
 * index on repository, parent and name even when H2 planned it on an empty table.
 */
class BrowseNodeMergeH2Test
{
  private static final String OURS = PypiBrowseNodeDAO.class.getName();

  private static final String TEMPLATE_ONLY = "template.BrowseNodeDAO";

  private static final String MERGE = ".mergeBrowseNode";

  private String url;

  private Connection keepAlive;

  private SqlSessionFactory sessions;

  @BeforeEach
  void aDatabaseWithTheTemplatesSchema() throws SQLException {
    url = "jdbc:h2:mem:browse-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    keepAlive = java.sql.DriverManager.getConnection(url, "sa", "");
    try (Statement sql = keepAlive.createStatement()) {
      // What the template's foreign keys point at; their own columns do not matter here.
      sql.execute("CREATE TABLE pypi_content_repository (repository_id INT PRIMARY KEY)");
      sql.execute("CREATE TABLE pypi_component (component_id INT PRIMARY KEY)");
      sql.execute("CREATE TABLE pypi_asset (asset_id INT PRIMARY KEY)");
      sql.execute("INSERT INTO pypi_content_repository VALUES (1), (2)");
      sql.execute("INSERT INTO pypi_component VALUES (10), (11)");
      sql.execute("INSERT INTO pypi_asset VALUES (20), (21), (22)");
    }
    Configuration configuration = new Configuration(new Environment("test", new JdbcTransactionFactory(),
        new UnpooledDataSource("org.h2.Driver", url, "sa", "")));
    configuration.setDatabaseId("H2");
    configuration.getTypeAliasRegistry().registerAlias("BrowseNodeData", BrowseNodeData.class);
    MapperXml.parse(configuration,
        template(OURS).replace("</mapper>", MapperXml.statements(MapperXml.of(PypiBrowseNodeDAO.class)) + "</mapper>"),
        OURS);
    MapperXml.parse(configuration, template(TEMPLATE_ONLY), TEMPLATE_ONLY);
    sessions = new SqlSessionFactoryBuilder().build(configuration);
    try (SqlSession session = sessions.openSession(true)) {
      session.update(OURS + ".createSchema");
    }
  }

  @AfterEach
  void close() throws SQLException {
    keepAlive.close();
  }

  @Test
  void onH2TheMergeIsOurs() {
    String sql = sessions.getConfiguration().getMappedStatement(OURS + MERGE).getBoundSql(directory(1, 0, "packages"))
        .getSql();
    assertTrue(sql.contains("USE INDEX (uk_pypi_browse_node_parent_display)"), sql);
  }

  @Test
  void itMergesAsTheTemplatesDoes() {
    List<String> ours = mergeATree(OURS);
    clearTable();
    List<String> template = mergeATree(TEMPLATE_ONLY);

    assertEquals(template, ours);
    assertEquals(10, ours.size(), String.join("\n", ours));
  }

  @Test
  void anExistingNodeIsFoundWithItsKey() {
    try (SqlSession session = sessions.openSession(true)) {
      Map<String, Object> first = directory(1, 0, "packages");
      session.insert(OURS + MERGE, first);
      Map<String, Object> again = directory(1, 0, "packages");
      session.insert(OURS + MERGE, again);

      assertNotNull(first.get("nodeId"));
      assertEquals(first.get("nodeId"), again.get("nodeId"));
    }
  }

  @Test
  void evenPlannedOnAnEmptyTableANodeIsFoundThroughItsUniqueIndex() throws SQLException {
    String ours = plan(OURS);
    String template = plan(TEMPLATE_ONLY);

    assertTrue(ours.contains("UK_PYPI_BROWSE_NODE_PARENT_DISPLAY: REPOSITORY_ID = ?1"), ours);
    assertTrue(ours.contains("PRIMARY_KEY") && ours.contains("NODE_ID = S.NODE_ID"), ours);
    // What the template's merge reads on an empty table: every node of the repository.
    assertFalse(template.contains("UK_PYPI_BROWSE_NODE_PARENT_DISPLAY"), template);
  }

  /**
   * The same merges as Nexus makes for two files of two releases, in two repositories, with an asset and a
   * component set on the last node and set again: the table's rows afterwards, keys and all.
   */
  private List<String> mergeATree(final String namespace) {
    try (SqlSession session = sessions.openSession(true)) {
      for (int repository : new int[]{1, 2}) {
        for (String version : new String[]{"1.0", "2.0"}) {
          long packages = merge(session, namespace, directory(repository, 0, "packages"));
          long project = merge(session, namespace, directory(repository, packages, "packages/demo"));
          long release = merge(session, namespace, directory(repository, project, "packages/demo/" + version));
          if (repository == 1) {
            Map<String, Object> file = node(repository, release, "packages/demo/" + version + "/demo.whl");
            boolean first = version.equals("1.0");
            file.put("dbComponentId", first ? 10 : 11);
            file.put("dbAssetId", first ? 20 : 21);
            long fileNode = merge(session, namespace, file);
            if (!first) {
              // The file stored again under the same name: another asset, the same node.
              Map<String, Object> again = node(repository, release, "packages/demo/" + version + "/demo.whl");
              again.put("dbAssetId", 22);
              assertEquals(fileNode, merge(session, namespace, again), "a file's node found again");
            }
          }
        }
      }
    }
    return rows();
  }

  private static long merge(final SqlSession session, final String namespace, final Map<String, Object> node) {
    session.insert(namespace + MERGE, node);
    return ((Number) node.get("nodeId")).longValue();
  }

  private static Map<String, Object> directory(final int repository, final long parent, final String path) {
    return node(repository, parent, path + "/");
  }

  private static Map<String, Object> node(final int repository, final long parent, final String path) {
    Map<String, Object> node = new HashMap<>();
    node.put("repositoryId", repository);
    node.put("parentId", parent);
    node.put("requestPath", path);
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    node.put("displayName", trimmed.substring(trimmed.lastIndexOf('/') + 1));
    node.put("packageUrl", null);
    node.put("dbComponentId", null);
    node.put("dbAssetId", null);
    return node;
  }

  private List<String> rows() {
    List<String> rows = new ArrayList<>();
    try (Statement sql = keepAlive.createStatement();
         ResultSet row = sql.executeQuery("SELECT node_id, repository_id, parent_id, display_name, request_path,"
             + " component_id, asset_id FROM pypi_browse_node ORDER BY node_id")) {
      while (row.next()) {
        rows.add(row.getLong(1) + " " + row.getInt(2) + " " + row.getLong(3) + " " + row.getString(4) + " "
            + row.getString(5) + " " + row.getObject(6) + " " + row.getObject(7));
      }
    }
    catch (SQLException e) {
      throw new AssertionError(e);
    }
    return rows;
  }

  private void clearTable() {
    try (Statement sql = keepAlive.createStatement()) {
      sql.execute("DELETE FROM pypi_browse_node");
      sql.execute("ALTER TABLE pypi_browse_node ALTER COLUMN node_id RESTART WITH 1");
    }
    catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  /** What H2 does for a namespace's merge of a new node, asked on a fresh connection while the table is empty. */
  private String plan(final String namespace) throws SQLException {
    Map<String, Object> node = directory(1, 0, "packages");
    BoundSql bound = sessions.getConfiguration().getMappedStatement(namespace + MERGE).getBoundSql(node);
    try (Connection connection = java.sql.DriverManager.getConnection(url, "sa", "");
         PreparedStatement explain = connection.prepareStatement("EXPLAIN " + bound.getSql())) {
      int parameter = 1;
      for (ParameterMapping mapping : bound.getParameterMappings()) {
        explain.setObject(parameter++, node.get(mapping.getProperty()));
      }
      StringBuilder plan = new StringBuilder();
      try (ResultSet rows = explain.executeQuery()) {
        while (rows.next()) {
          plan.append(rows.getString(1)).append('\n');
        }
      }
      return plan.toString();
    }
  }

  /** Nexus's template with its placeholders filled in for the PyPI format, under {@code namespace}. */
  private static String template(final String namespace) {
    return MapperXml.read(BrowseNodeDAO.class, "BrowseNodeDAO.xml")
        .replace("${namespace}", namespace)
        .replace("${format}", "pypi");
  }
}
