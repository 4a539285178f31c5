package io.github.nexuspypi.repository.pypi.rest;

import io.github.nexuspypi.repository.pypi.internal.PypiFormat;

import org.sonatype.nexus.repository.rest.api.model.CleanupPolicyAttributes;
import org.sonatype.nexus.repository.rest.api.model.ComponentAttributes;
import org.sonatype.nexus.repository.rest.api.model.HostedRepositoryApiRequest;
import org.sonatype.nexus.repository.rest.api.model.HostedStorageAttributes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST/PUT /v1/repositories/pypi/hosted}: the generic hosted shape, as Sonatype's own PyPI
 * format takes it, so existing Terraform and Ansible definitions work unchanged.
 */
@JsonIgnoreProperties({"format", "type"})
public class PypiHostedRepositoryApiRequest
    extends HostedRepositoryApiRequest
{
  @JsonCreator
  public PypiHostedRepositoryApiRequest(
      @JsonProperty("name") final String name,
      @JsonProperty("online") final Boolean online,
      @JsonProperty("storage") final HostedStorageAttributes storage,
      @JsonProperty("cleanup") final CleanupPolicyAttributes cleanup,
      @JsonProperty("component") final ComponentAttributes componentAttributes)
  {
    super(name, PypiFormat.NAME, online, storage, cleanup, componentAttributes);
  }
}
