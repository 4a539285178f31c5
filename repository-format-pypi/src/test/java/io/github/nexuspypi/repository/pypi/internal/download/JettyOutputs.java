package io.github.nexuspypi.repository.pypi.internal.download;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.jetty.server.HttpOutput;
import org.eclipse.jetty.util.Callback;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

/** Jetty's output as the file sends see it, for tests. */
public final class JettyOutputs
{
  private JettyOutputs() {
  }

  /** An output that writes each asynchronous send's bytes, as UTF-8 text, to {@code sent} at once. */
  public static HttpOutput writingTo(final List<String> sent) {
    HttpOutput output = mock(HttpOutput.class);
    doAnswer(call -> {
      sent.add(StandardCharsets.UTF_8.decode(call.getArgument(0, ByteBuffer.class)).toString());
      call.getArgument(1, Callback.class).succeeded();
      return null;
    }).when(output).sendContent(any(ByteBuffer.class), any(Callback.class));
    return output;
  }
}
