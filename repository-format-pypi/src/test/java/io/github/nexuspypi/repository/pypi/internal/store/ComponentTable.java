package io.github.nexuspypi.repository.pypi.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.session.Configuration;
import org.sonatype.nexus.repository.content.store.ComponentDAO;
import org.sonatype.nexus.repository.content.store.ComponentData;
import org.sonatype.nexus.repository.content.store.ContentRepositoryDAO;

/**
 * Nexus 3.71's {@code pypi_component} table on H2 or PostgreSQL, made by Nexus's own {@code createSchema} statements
 * (of its jar's ContentRepositoryDAO.xml and ComponentDAO.xml, through MyBatis with the database's id, as Nexus runs
 * them), filled with {@link #RELEASES} releases; and the plugin's listing of a repository's releases
 * ({@code browseReleases} of PypiComponentDAO.xml) as MyBatis binds it for that database: what the SQL tests run.
 */
final class ComponentTable
{
  static final int RELEASES = 100_000;

  static final int LIMIT = 1000;

  static final int REPOSITORY = 1;

  /** Holds every tenth release, which the listing of {@link #REPOSITORY} must skip. */
  static final int OTHER_REPOSITORY = 2;

  // No class's name: MyBatis would read the interface's annotations too, which need the rest of the templates.
  private static final String REPOSITORIES = "pypi.ContentRepositoryDAO";

  private static final String COMPONENTS = "pypi.PypiComponentDAO";

  private final Configuration mybatis;

  private final String emptyJson;

  private ComponentTable(final String databaseId, final String jsonType, final String emptyJson) {
    this.mybatis = new Configuration();
    mybatis.setDatabaseId(databaseId);
    mybatis.getTypeAliasRegistry().registerAlias("ComponentData", ComponentData.class);
    parse(REPOSITORIES, createSchema(ContentRepositoryDAO.class, "ContentRepositoryDAO.xml", jsonType));
    parse(COMPONENTS, createSchema(ComponentDAO.class, "ComponentDAO.xml", jsonType)
        + MapperXml.statements(MapperXml.of(PypiComponentDAO.class)));
    this.emptyJson = emptyJson;
  }

  static ComponentTable h2() {
    return new ComponentTable("H2", "JSON", "JSON '{}'");
  }

  static ComponentTable postgresql() {
    return new ComponentTable("PostgreSQL", "JSONB", "'{}'::jsonb");
  }

  /**
   * Creates the tables as Nexus does and fills them: two repositories, and {@link #RELEASES} releases in the order
   * of their ids, every tenth in {@link #OTHER_REPOSITORY}.
   */
  void createAndFill(final Connection connection) throws SQLException {
    for (String namespace : new String[]{REPOSITORIES, COMPONENTS}) {
      // As MyBatis runs it: the whole text in one prepared statement.
      String createSchema = mybatis.getMappedStatement(namespace + ".createSchema").getBoundSql(null).getSql();
      try (PreparedStatement statement = connection.prepareStatement(createSchema)) {
        statement.execute();
      }
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (PreparedStatement repository = connection.prepareStatement("INSERT INTO pypi_content_repository"
        + " (config_repository_id, attributes) VALUES (?, " + emptyJson + ")")) {
      for (int id : new int[]{REPOSITORY, OTHER_REPOSITORY}) {
        repository.setObject(1, UUID.nameUUIDFromBytes(new byte[]{(byte) id}));
        repository.executeUpdate();
      }
    }
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pypi_component (repository_id,"
        + " namespace, name, kind, version, normalized_version, attributes) VALUES (?, '', ?, 'release', '1.0',"
        + " '1.0', " + emptyJson + ")")) {
      for (int release = 0; release < RELEASES; release++) {
        insert.setInt(1, release % 10 == 0 ? OTHER_REPOSITORY : REPOSITORY);
        insert.setString(2, "p" + release);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    connection.commit();
    connection.setAutoCommit(autoCommit);
  }

  /** The ids of {@link #REPOSITORY}'s releases, read page by page as the hosted root reads them. */
  List<Integer> releaseIds(final Connection connection) throws SQLException {
    List<Integer> ids = new ArrayList<>();
    Integer afterId = null;
    int read;
    do {
      read = 0;
      try (PreparedStatement page = prepare(connection, "", afterId); ResultSet rows = page.executeQuery()) {
        while (rows.next()) {
          afterId = rows.getInt("component_id");
          ids.add(afterId);
          read++;
        }
      }
    }
    while (read == LIMIT);
    return ids;
  }

  /** The ids {@link #releaseIds} must give: those of the releases of {@link #REPOSITORY}, in order. */
  static List<Integer> expectedReleaseIds() {
    List<Integer> expected = new ArrayList<>();
    for (int release = 0; release < RELEASES; release++) {
      if (release % 10 != 0) {
        expected.add(release + 1);
      }
    }
    return expected;
  }

  /** What the database says it does for a page of {@link #REPOSITORY}'s releases, a line per row of its answer. */
  String plan(final Connection connection, final Integer afterId) throws SQLException {
    try (PreparedStatement explain = prepare(connection, "EXPLAIN ", afterId);
         ResultSet rows = explain.executeQuery()) {
      StringBuilder plan = new StringBuilder();
      while (rows.next()) {
        plan.append(rows.getString(1)).append('\n');
      }
      return plan.toString();
    }
  }

  /** The listing's statement as MyBatis binds it on this database, its {@code ?} in the order of the values. */
  BoundSql browseReleases(final Integer afterId) {
    return mybatis.getMappedStatement(COMPONENTS + ".browseReleases")
        .getBoundSql(PypiComponentDAO.releasesAfter(REPOSITORY, LIMIT, afterId));
  }

  private PreparedStatement prepare(final Connection connection, final String prefix, final Integer afterId)
      throws SQLException
  {
    BoundSql bound = browseReleases(afterId);
    PreparedStatement statement = connection.prepareStatement(prefix + bound.getSql().replace(";", ""));
    int parameter = 1;
    for (Object value : values(bound)) {
      statement.setObject(parameter++, value);
    }
    return statement;
  }

  static List<Object> values(final BoundSql bound) {
    Map<?, ?> parameters = (Map<?, ?>) bound.getParameterObject();
    List<Object> values = new ArrayList<>();
    for (ParameterMapping mapping : bound.getParameterMappings()) {
      values.add(parameters.get(mapping.getProperty()));
    }
    return values;
  }

  private void parse(final String namespace, final String statements) {
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<!DOCTYPE mapper PUBLIC \"-//mybatis.org//DTD Mapper"
        + " 3.0//EN\" \"http://mybatis.org/dtd/mybatis-3-mapper.dtd\">\n<mapper namespace=\"" + namespace + "\">"
        + statements + "</mapper>";
    MapperXml.parse(mybatis, xml, namespace);
  }

  /**
   * A template's {@code createSchema} alone, for the PyPI format: the rest of the template needs Nexus's type
   * handlers, and Nexus fills in the placeholders before MyBatis reads the text.
   */
  private static String createSchema(final Class<?> template, final String name, final String jsonType) {
    Matcher createSchema = Pattern.compile("<insert id=\"createSchema\">.*?</insert>", Pattern.DOTALL)
        .matcher(MapperXml.read(template, name));
    if (!createSchema.find()) {
      throw new AssertionError(name + " has no createSchema");
    }
    return createSchema.group()
        .replace("${format}", "pypi")
        .replace("${JSON_TYPE}", jsonType)
        .replace("${UUID_TYPE}", "UUID");
  }
}
