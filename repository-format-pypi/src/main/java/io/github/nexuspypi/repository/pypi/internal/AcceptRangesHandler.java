package io.github.nexuspypi.repository.pypi.internal;

import javax.annotation.Nonnull;
import javax.inject.Named;
import javax.inject.Singleton;

import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Response;

import com.google.common.net.HttpHeaders;

/**
 * Says that files are served in ranges (Nexus's range handler says so only on a range answer): poetry's and pip's
 * lazy wheel reading ask for ranges only where a server announces them.
 */
@Named
@Singleton
public class AcceptRangesHandler
    implements Handler
{
  @Nonnull
  @Override
  public Response handle(@Nonnull final Context context) throws Exception {
    Response response = context.proceed();
    if (response.getStatus().getCode() == 200 && response.getPayload() != null) {
      response.getHeaders().set(HttpHeaders.ACCEPT_RANGES, "bytes");
    }
    return response;
  }
}
