package io.github.nexuspypi.it.upstream;

import io.github.nexuspypi.core.index.ProjectListEntry;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.core.name.ProjectName;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

/**
 * The index host's simple API, as pypi.org answers it: 301 to the slashed, normalised URL, 404 for an unknown project,
 * and the page in the form the {@code Accept} header picks (PEP 691), or always HTML for an HTML-only index.
 */
@Path("simple")
public final class SimpleResource
{
  private final FakeIndex index;

  SimpleResource(final FakeIndex index) {
    this.index = index;
  }

  @GET
  public Response root(@HeaderParam(HttpHeaders.ACCEPT) final String accept, @Context final UriInfo uri) {
    if (!uri.getRequestUri().getRawPath().endsWith("/")) {
      return Response.status(301).location(uri.getBaseUriBuilder().path("simple/").build()).build();
    }
    FakeIndex.RawPage raw = index.rawPageAt(uri.getRequestUri().getRawPath());
    if (raw != null) {
      return Response.ok(raw.body()).type(raw.contentType()).build();
    }
    SimpleFormat format = index.format(accept);
    return page(format, index.style().root(index.projects().stream()
        .map(project -> new ProjectListEntry(project.name())).toList(), format));
  }

  @GET
  @Path("{project}")
  public Response project(@PathParam("project") final String name, @HeaderParam(HttpHeaders.ACCEPT) final String accept,
                          @Context final UriInfo uri)
  {
    if (!ProjectName.isNormalized(name) || !uri.getRequestUri().getRawPath().endsWith("/")) {
      return Response.status(301)
          .location(uri.getBaseUriBuilder().path("simple/" + ProjectName.normalize(name) + "/").build()).build();
    }
    FakeIndex.RawPage raw = index.rawPageAt(uri.getRequestUri().getRawPath());
    if (raw != null) {
      return Response.ok(raw.body()).type(raw.contentType()).build();
    }
    GeneratedProject generated = index.generatedProjectNamed(name);
    if (generated != null) {
      StreamingOutput page = generated::writeJson;
      return Response.ok(page).type(SimpleFormat.JSON_V1.mediaType()).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
          .build();
    }
    FakeProject project = index.projectNamed(name);
    if (project == null) {
      return Response.status(404).type(MediaType.TEXT_PLAIN_TYPE).entity("Not Found").build();
    }
    SimpleFormat format = index.format(accept);
    return page(format, index.style().project(project.page(), format));
  }

  private Response page(final SimpleFormat format, final byte[] body) {
    Response.ResponseBuilder page = Response.ok(body).type(format.mediaType());
    if (!index.isHtmlOnly()) {
      page.header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }
    return page.build();
  }
}
