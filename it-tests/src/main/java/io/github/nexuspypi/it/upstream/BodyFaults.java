package io.github.nexuspypi.it.upstream;

import io.github.nexuspypi.core.index.SimpleFormat;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.nio.NIOConnection;

import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * The faults that change what a resource's body looks like on the wire: other bytes, a broken page, a body that
 * trickles or stops with a connection reset. Resources answer with {@code byte[]}; the {@link RequestGate}'s own
 * answers (statuses, challenges) are strings and go out untouched.
 */
final class BodyFaults
    implements WriterInterceptor
{
  // Linux drops what a peer has received but not yet read when a reset arrives; this lets the client read the
  // headers and the half body first, so that the reset comes mid-response rather than in place of it.
  private static final Duration BEFORE_RESET = Duration.ofMillis(200);

  @Inject
  private Provider<Request> grizzlyRequest;

  @Override
  public void aroundWriteTo(final WriterInterceptorContext context) throws IOException {
    Fault fault = (Fault) context.getProperty(RequestGate.FAULT);
    if (fault == null || !(context.getEntity() instanceof byte[] body)) {
      context.proceed();
      return;
    }
    byte[] served = fault.servesWrongBytes() ? inverted(body) : body;
    SimpleFormat page = SimpleFormat.ofMediaType(String.valueOf(context.getMediaType()));
    if (fault.malformation() != null && page != null) {
      served = fault.malformation().apply(served, page.isJson());
    }
    if (fault.servedContentType() != null) {
      context.setMediaType(MediaType.valueOf(fault.servedContentType()));
      context.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, fault.servedContentType());
    }
    context.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH, served.length);
    if (fault.trickling() == null && !fault.resetsConnection()) {
      context.setEntity(served);
      context.proceed();
      return;
    }
    int end = fault.resetsConnection() ? served.length / 2 : served.length;
    if (send(served, end, fault.trickling(), context.getOutputStream()) && fault.resetsConnection()) {
      reset();
    }
  }

  /** The first {@code end} bytes, flushed chunk by chunk; {@code false} when the server's shutdown cut it short. */
  private static boolean send(final byte[] body, final int end, final Fault.Trickle trickle, final OutputStream out)
      throws IOException
  {
    int chunk = trickle == null ? Math.max(end, 1) : trickle.chunkBytes();
    for (int offset = 0; offset < end; offset += chunk) {
      if (offset > 0 && !Fault.pause(trickle.pause())) {
        return false;
      }
      out.write(body, offset, Math.min(chunk, end - offset));
      out.flush();
    }
    out.flush();
    return true;
  }

  /** Closes the socket with SO_LINGER 0, which makes the kernel send RST instead of FIN. */
  private void reset() throws IOException {
    Fault.pause(BEFORE_RESET);
    Connection<?> connection = grizzlyRequest.get().getContext().getConnection();
    ((SocketChannel) ((NIOConnection) connection).getChannel()).setOption(StandardSocketOptions.SO_LINGER, 0);
    connection.closeSilently();
  }

  private static byte[] inverted(final byte[] body) {
    if (body.length == 0) {
      return new byte[] {0};
    }
    byte[] other = body.clone();
    other[0] = (byte) ~other[0];
    return other;
  }
}
