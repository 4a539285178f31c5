package io.github.nexuspypi.repository.pypi.internal.group;

import javax.annotation.Nonnull;
import javax.inject.Named;
import javax.inject.Singleton;

import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Response;

/**
 * Tells, on a group's pages, which members the page was merged from: the mark the group's index facet left on the
 * page becomes the {@link ServedBy#HEADER} of the response that carries it.
 */
@Named
@Singleton
public class ServedByHandler
    implements Handler
{
  @Nonnull
  @Override
  public Response handle(@Nonnull final Context context) throws Exception {
    Response response = context.proceed();
    if (response.getPayload() instanceof Content) {
      ServedBy.tell((Content) response.getPayload(), response);
    }
    return response;
  }
}
