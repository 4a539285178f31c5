package io.github.nexuspypi.repository.pypi.rest;

import io.github.nexuspypi.repository.pypi.internal.PypiFormat;

import org.sonatype.nexus.repository.rest.api.model.GroupAttributes;
import org.sonatype.nexus.repository.rest.api.model.SimpleApiGroupRepository;
import org.sonatype.nexus.repository.rest.api.model.StorageAttributes;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A PyPI group as {@code GET /v1/repositories/pypi/group/<name>} shows it: Sonatype's shape and the guard.
 */
public class PypiGroupApiRepository
    extends SimpleApiGroupRepository
{
  private final PypiGroupAttributes pypi;

  public PypiGroupApiRepository(final String name, final String url, final Boolean online,
                                final StorageAttributes storage, final GroupAttributes group,
                                final PypiGroupAttributes pypi)
  {
    super(name, PypiFormat.NAME, url, online, storage, group);
    this.pypi = pypi;
  }

  @JsonProperty("pypi")
  public PypiGroupAttributes getPypi() {
    return pypi;
  }
}
