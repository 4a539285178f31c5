package io.github.nexuspypi.it.upstream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The files host: each file and its {@code .metadata} at {@link FakeFile#path()}, 404 for anything else. */
@Path("packages")
public final class FilesResource
{
  private final FakeIndex index;

  FilesResource(final FakeIndex index) {
    this.index = index;
  }

  @GET
  @Path("{path: .+}")
  public Response file(@Context final UriInfo uri) {
    byte[] body = index.fileAt(uri.getRequestUri().getRawPath());
    if (body == null) {
      return Response.status(404).type(MediaType.TEXT_PLAIN_TYPE).entity("Not Found").build();
    }
    return Response.ok(body).type(MediaType.APPLICATION_OCTET_STREAM_TYPE).build();
  }
}
