package io.github.nexuspypi.repository.pypi.internal.download;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.annotation.Nonnull;
import javax.inject.Named;
import javax.inject.Singleton;

import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Response;

import com.google.common.net.HttpHeaders;

/**
 * Sends a range of a stored file from its file too. Nexus's range handler, which this one wraps, keeps deciding
 * whether and which range is answered (parsing, {@code If-Range}, 416); its answer's {@code Content-Range} names
 * the range, which is then taken from the file payload {@link FileChannelHandler} left in the context instead of
 * being skipped to and copied through the heap.
 */
@Named
@Singleton
public class FileRangeHandler
    implements Handler
{
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

  @Nonnull
  @Override
  public Response handle(@Nonnull final Context context) throws Exception {
    Response response = context.proceed();
    FileChannelPayload file = context.getAttributes().get(FileChannelPayload.class);
    String contentRange = response.getHeaders().get(HttpHeaders.CONTENT_RANGE);
    if (response.getStatus().getCode() != 206 || file == null || contentRange == null) {
      return response;
    }
    Matcher range = CONTENT_RANGE.matcher(contentRange);
    if (!range.matches() || Long.parseLong(range.group(3)) != file.wholeSize()) {
      return response;
    }
    return new Response.Builder().copy(response)
        .payload(file.range(Long.parseLong(range.group(1)), Long.parseLong(range.group(2))))
        .build();
  }
}
