package io.github.nexuspypi.repository.pypi.rest;

import io.github.nexuspypi.repository.pypi.internal.PypiFormat;

import org.sonatype.nexus.repository.rest.api.model.GroupAttributes;
import org.sonatype.nexus.repository.rest.api.model.GroupRepositoryApiRequest;
import org.sonatype.nexus.repository.rest.api.model.StorageAttributes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST/PUT /v1/repositories/pypi/group}: Sonatype's generic group shape, which existing
 * definitions use unchanged, and an optional {@code pypi} section for the dependency-confusion guard.
 */
@JsonIgnoreProperties({"format", "type", "url"})
public class PypiGroupRepositoryApiRequest
    extends GroupRepositoryApiRequest
{
  private final PypiGroupAttributes pypi;

  @JsonCreator
  public PypiGroupRepositoryApiRequest(
      @JsonProperty("name") final String name,
      @JsonProperty("online") final Boolean online,
      @JsonProperty("storage") final StorageAttributes storage,
      @JsonProperty("group") final GroupAttributes group,
      @JsonProperty("pypi") final PypiGroupAttributes pypi)
  {
    super(name, PypiFormat.NAME, online, storage, group);
    this.pypi = pypi == null ? new PypiGroupAttributes((Boolean) null) : pypi;
  }

  public PypiGroupAttributes getPypi() {
    return pypi;
  }
}
