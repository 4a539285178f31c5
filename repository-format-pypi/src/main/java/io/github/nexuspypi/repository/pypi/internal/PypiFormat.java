package io.github.nexuspypi.repository.pypi.internal;

import javax.inject.Named;
import javax.inject.Singleton;

import org.sonatype.nexus.repository.Format;

/**
 * The {@code pypi} format. The name is the one Nexus's own admin UI already ships PyPI forms for.
 */
@Named(PypiFormat.NAME)
@Singleton
public class PypiFormat
    extends Format
{
  public static final String NAME = "pypi";

  public PypiFormat() {
    super(NAME);
  }
}
