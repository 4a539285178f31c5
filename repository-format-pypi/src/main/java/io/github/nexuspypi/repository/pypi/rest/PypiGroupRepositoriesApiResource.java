package io.github.nexuspypi.repository.pypi.rest;

import javax.inject.Named;
import javax.inject.Singleton;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Response;

import org.sonatype.nexus.repository.rest.api.AbstractGroupRepositoriesApiResource;
import org.sonatype.nexus.repository.rest.api.RepositoriesApiResourceV1;
import org.sonatype.nexus.validation.Validate;

import io.swagger.annotations.Api;
import io.swagger.annotations.ApiOperation;
import io.swagger.annotations.ApiParam;
import org.apache.shiro.authz.annotation.RequiresAuthentication;

import static org.sonatype.nexus.rest.ApiDocConstants.API_REPOSITORY_MANAGEMENT;

/**
 * {@code /v1/repositories/pypi/group}. The overrides only give JAX-RS the concrete request type to read; they add
 * no parameter constraints, which Hibernate Validator refuses on an override of a method without them.
 */
@Named
@Singleton
@Path(PypiGroupRepositoriesApiResource.RESOURCE_URI)
@Api(value = API_REPOSITORY_MANAGEMENT)
public class PypiGroupRepositoriesApiResource
    extends AbstractGroupRepositoriesApiResource<PypiGroupRepositoryApiRequest>
{
  static final String RESOURCE_URI = RepositoriesApiResourceV1.RESOURCE_URI + "/pypi/group";

  @ApiOperation("Create PyPI group repository")
  @POST
  @RequiresAuthentication
  @Validate
  @Override
  public Response createRepository(final PypiGroupRepositoryApiRequest request) {
    return super.createRepository(request);
  }

  @ApiOperation("Update PyPI group repository")
  @PUT
  @Path("/{repositoryName}")
  @RequiresAuthentication
  @Validate
  @Override
  public Response updateRepository(
      final PypiGroupRepositoryApiRequest request,
      @ApiParam(value = "Name of the repository to update") @PathParam("repositoryName") final String repositoryName)
  {
    return super.updateRepository(request, repositoryName);
  }
}
