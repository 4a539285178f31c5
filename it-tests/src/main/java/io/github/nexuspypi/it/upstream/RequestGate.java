package io.github.nexuspypi.it.upstream;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glassfish.grizzly.http.server.Request;

import java.net.URI;

/**
 * What a {@link FakeHost} does with a request before any resource sees it: logs it, asks for credentials, and applies
 * the faults that replace or delay the answer. The faults that change the body are left to {@link BodyFaults}.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
final class RequestGate
    implements ContainerRequestFilter
{
  /** The request property under which {@link BodyFaults} finds the request's fault. */
  static final String FAULT = Fault.class.getName();

  private static final String LOOP = "loop=";

  private final FakeHost host;

  private final RequestLog log;

  @Inject
  private Provider<Request> grizzlyRequest;

  RequestGate(final FakeHost host, final RequestLog log) {
    this.host = host;
    this.log = log;
  }

  @Override
  public void filter(final ContainerRequestContext request) {
    // A client offering HTTP/2 (Upgrade: h2c, as the JDK's HttpClient does) makes Grizzly skip the response's
    // Content-Type (eclipse-ee4j/glassfish-grizzly#2192); the fake speaks HTTP/1.1 only, so it ignores the offer.
    grizzlyRequest.get().getRequest().setIgnoreContentModifiers(false);
    URI uri = request.getUriInfo().getRequestUri();
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    log.add(new LoggedRequest(host.role(), request.getMethod(), uri.getRawPath(), uri.getRawQuery(),
        request.getHeaderString(HttpHeaders.ACCEPT), authorization != null,
        request.getHeaderString(HttpHeaders.USER_AGENT)));
    if (!host.admits(authorization)) {
      request.abortWith(text(401, "Credentials required"));
      return;
    }
    Fault fault = host.faultFor(uri.getRawPath());
    request.setProperty(FAULT, fault);
    if (fault.delay() != null && !Fault.pause(fault.delay())) {
      request.abortWith(text(503, "The fake index is shutting down"));
    }
    else if (fault.statusCode() != null) {
      request.abortWith(text(fault.statusCode(), "Fault: status " + fault.statusCode()));
    }
    else if (fault.redirectLocation() != null) {
      request.abortWith(Response.status(302).location(fault.redirectLocation()).build());
    }
    else if (fault.redirectsInALoop()) {
      request.abortWith(Response.status(302).location(nextHop(uri)).build());
    }
  }

  private static Response text(final int status, final String message) {
    Response.ResponseBuilder response = Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(message);
    if (status == 401) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"fake-index\"");
    }
    return response.build();
  }

  /** The same path with the next loop count, so that no URL of the loop repeats. */
  private static URI nextHop(final URI uri) {
    String query = uri.getRawQuery();
    int hop = query != null && query.startsWith(LOOP) ? Integer.parseInt(query.substring(LOOP.length())) : 0;
    return uri.resolve(uri.getRawPath() + "?" + LOOP + (hop + 1));
  }
}
