package io.github.nexuspypi.repository.pypi.internal.index;

import io.github.nexuspypi.core.index.SimpleFormat;

import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Request;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.ViewFacet;

import com.google.common.net.HttpHeaders;

/**
 * A simple API page asked of a repository's own view on behalf of a client, in PEP 691 JSON: through its routes, so
 * that a proxy's negative cache, routing rules, offline state and auto-block apply as they do for the client.
 */
public final class SimpleJsonRequest
{
  private SimpleJsonRequest() {
  }

  public static Response dispatch(final Context context, final Repository repository, final String path)
      throws Exception
  {
    Request request = new Request.Builder()
        .action(HttpMethods.GET)
        .path(path)
        .header(HttpHeaders.ACCEPT, SimpleFormat.JSON_V1.mediaType())
        .build();
    return repository.facet(ViewFacet.class).dispatch(request, context);
  }
}
