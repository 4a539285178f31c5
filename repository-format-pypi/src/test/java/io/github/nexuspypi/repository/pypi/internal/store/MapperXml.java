package io.github.nexuspypi.repository.pypi.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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
}
