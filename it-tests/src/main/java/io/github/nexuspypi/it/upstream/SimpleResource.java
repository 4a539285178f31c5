package io.github.nexuspypi.it.upstream;

import io.github.nexuspypi.core.index.ProjectListEntry;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.core.name.ProjectName;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

/**
 * The index host's simple API under its {@linkplain FakeIndex#mountPoint() mount point}, as pypi.org answers it at
 * {@code /simple/}: 301 to the slashed, normalised URL, 404 for an unknown project or a path outside the mount point,
 * and the page in the form the {@code Accept} header picks (PEP 691), or always HTML for an HTML-only index. The
 * host's root is a home page for people, as pypi.org's, proxpi's and devpi's are: HTML, linking the index.
 */
@Path("/")
public final class SimpleResource
{
  private final FakeIndex index;

  SimpleResource(final FakeIndex index) {
    this.index = index;
  }

  @GET
  @Path("{path: .*}")
  public Response page(@HeaderParam(HttpHeaders.ACCEPT) final String accept, @Context final UriInfo uri) {
    String path = uri.getRequestUri().getRawPath();
    String mount = index.mountPoint();
    if ((path + "/").equals(mount)) {
      return redirect(uri, mount);
    }
    FakeIndex.RawPage raw = index.rawPageAt(path);
    if (raw != null) {
      return Response.ok(raw.body()).type(raw.contentType()).build();
    }
    if (path.equals("/") && !mount.equals("/")) {
      return Response.ok("<!DOCTYPE html>\n<html><head><title>Fake index</title></head><body><h1>Fake index</h1>\n"
          + "<p><a href=\"" + mount.substring(1) + "\">Package index</a></p></body></html>\n")
          .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).build();
    }
    if (!path.startsWith(mount)) {
      return notFound();
    }
    String rest = path.substring(mount.length());
    if (rest.isEmpty()) {
      SimpleFormat format = index.format(accept);
      GeneratedRoot generatedRoot = index.generatedRoot();
      if (generatedRoot != null) {
        StreamingOutput root = out -> generatedRoot.write(format, out);
        return Response.ok(root).type(format.mediaType()).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
      }
      return page(format, index.style().root(index.projects().stream()
          .map(project -> new ProjectListEntry(project.name())).toList(), format));
    }
    String name = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
    if (name.contains("/")) {
      return notFound();
    }
    if (!ProjectName.isNormalized(name) || !rest.endsWith("/")) {
      return redirect(uri, mount + ProjectName.normalize(name) + "/");
    }
    GeneratedProject generated = index.generatedProjectNamed(name);
    if (generated != null) {
      StreamingOutput page = generated::writeJson;
      return Response.ok(page).type(SimpleFormat.JSON_V1.mediaType()).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
          .build();
    }
    FakeProject project = index.projectNamed(name);
    if (project == null) {
      return notFound();
    }
    SimpleFormat format = index.format(accept);
    return page(format, index.style().project(project.page(), format));
  }

  private static Response redirect(final UriInfo uri, final String path) {
    return Response.status(301).location(uri.getBaseUri().resolve(path)).build();
  }

  private static Response notFound() {
    return Response.status(404).type(MediaType.TEXT_PLAIN_TYPE).entity("Not Found").build();
  }

  private Response page(final SimpleFormat format, final byte[] body) {
    Response.ResponseBuilder page = Response.ok(body).type(format.mediaType());
    if (!index.isHtmlOnly()) {
      page.header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }
    return page.build();
  }
}
