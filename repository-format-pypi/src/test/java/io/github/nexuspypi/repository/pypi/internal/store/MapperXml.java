package io.github.nexuspypi.repository.pypi.internal.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;

/** The mapper XML a DAO's statements are in, read as Nexus finds it: beside the DAO, under its simple name. */
public final class MapperXml
{
  private MapperXml() {
  }

  public static String of(final Class<?> dao) {
    return read(dao, dao.getSimpleName() + ".xml");
  }

  public static String read(final Class<?> beside, final String name) {
    try (InputStream xml = beside.getResourceAsStream(name)) {
      if (xml == null) {
        throw new AssertionError(name + " is not beside " + beside.getName());
      }
      return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
    }
    catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The statements of a mapper's XML, without the mapper element around them. */
  public static String statements(final String mapper) {
    Matcher body = Pattern.compile("<mapper[^>]*>(.*)</mapper>", Pattern.DOTALL).matcher(mapper);
    if (!body.find()) {
      throw new AssertionError("No mapper in " + mapper);
    }
    return body.group(1);
  }

  /** Reads a whole mapper's XML into {@code mybatis}, its statements named under {@code namespace}. */
  public static void parse(final Configuration mybatis, final String mapper, final String namespace) {
    new XMLMapperBuilder(new ByteArrayInputStream(mapper.getBytes(StandardCharsets.UTF_8)), mybatis, namespace,
        mybatis.getSqlFragments(), namespace).parse();
  }
}
