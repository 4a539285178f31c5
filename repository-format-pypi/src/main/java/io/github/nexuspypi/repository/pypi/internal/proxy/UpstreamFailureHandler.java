package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.annotation.Nonnull;
import javax.inject.Named;
import javax.inject.Singleton;

import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.httpclient.RemoteBlockedIOException;
import org.sonatype.nexus.repository.proxy.ProxyServiceException;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Response;

/**
 * A proxy's page that upstream failed to give and the proxy holds no copy of: a 404 while the remote is blocked, a
 * 503 with upstream's status, a 502 when upstream's answer could not be read. A client sees why; a group asks its
 * other members.
 */
@Named
@Singleton
public class UpstreamFailureHandler
    implements Handler
{
  @Nonnull
  @Override
  public Response handle(@Nonnull final Context context) throws Exception {
    try {
      return context.proceed();
    }
    catch (RemoteBlockedIOException e) {
      // As Nexus's own proxies answer while their remote is blocked.
      return HttpResponses.notFound(e.getMessage());
    }
    catch (ProxyServiceException e) {
      return HttpResponses.serviceUnavailable("The upstream index answered "
          + e.getHttpResponse().getStatusLine() + " and this proxy has no copy of the page.");
    }
    catch (IOException | UncheckedIOException e) {
      return HttpResponses.badGateway("The upstream index could not be read and this proxy has no copy of the page: "
          + e.getMessage());
    }
  }
}
