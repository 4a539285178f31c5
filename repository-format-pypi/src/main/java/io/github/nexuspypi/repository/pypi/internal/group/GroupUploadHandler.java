package io.github.nexuspypi.repository.pypi.internal.group;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Collectors;

import javax.annotation.Nonnull;
import javax.inject.Named;
import javax.inject.Singleton;

import io.github.nexuspypi.repository.pypi.internal.PypiPaths;
import io.github.nexuspypi.repository.pypi.internal.PypiResponses;

import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.security.SecurityFacet;
import org.sonatype.nexus.repository.view.Request;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Payload;
import org.sonatype.nexus.repository.view.Response;

/**
 * An upload sent to a group: refused with the address to upload to instead, as twine, poetry and pdm show the
 * reason to their user.
 */
@Named
@Singleton
public class GroupUploadHandler
    implements Handler
{
  @Nonnull
  @Override
  public Response handle(@Nonnull final Context context) throws IOException {
    Repository group = context.getRepository();
    // Who may read the group may learn where to upload; nobody else learns its members.
    group.facet(SecurityFacet.class).ensurePermitted(new Request.Builder()
        .action(HttpMethods.GET)
        .path(PypiPaths.SIMPLE)
        .build());
    discardBody(context.getRequest());
    List<Repository> hosted = group.facet(PypiGroupIndexFacet.class).members().leaves().stream()
        .filter(GroupMembers::isHosted)
        .collect(Collectors.toList());
    String where = hosted.isEmpty()
        ? "it has no hosted member; upload to a pypi-hosted repository instead"
        : "upload to its hosted member " + hosted.stream()
            .map(member -> "'" + member.getName() + "' (" + member.getUrl() + "/)")
            .collect(Collectors.joining(" or "));
    return PypiResponses.badRequest("'" + group.getName() + "' is a group repository and cannot take uploads: "
        + where + ".");
  }

  /**
   * Answered with the body unread, Jetty drops the connection while the client is still sending, and the client
   * reports a broken pipe instead of the message. The body streams through, never held.
   */
  private static void discardBody(final Request request) throws IOException {
    Payload payload = request.getPayload();
    if (payload != null) {
      try (InputStream body = payload.openInputStream()) {
        body.transferTo(OutputStream.nullOutputStream());
      }
    }
  }
}
