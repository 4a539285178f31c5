package io.github.nexuspypi.repository.pypi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Request;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.matchers.token.TokenMatcher;

/**
 * A request as a route hands it to its last handler, and the text that comes back.
 */
public final class Exchanges
{
  private Exchanges() {
  }

  /** The context with the tokens the route's {@link TokenMatcher} would have captured from the path. */
  public static Context routed(final Repository repository, final Request request, final Map<String, String> tokens) {
    Context context = new Context(repository, request);
    context.getAttributes().set(TokenMatcher.State.class, new TokenMatcher.State()
    {
      @Override
      public String pattern() {
        return request.getPath();
      }

      @Override
      public Map<String, String> getTokens() {
        return tokens;
      }
    });
    return context;
  }

  /** {@code /pypi/<project>/json}, or {@code /pypi/<project>/<version>/json} when {@code version} is not null. */
  public static Context warehouseJson(final Repository repository, final String project, final String version) {
    Request request = new Request.Builder().action(HttpMethods.GET)
        .path("/pypi/" + project + "/" + (version == null ? "" : version + "/") + "json").build();
    Map<String, String> tokens = new HashMap<>();
    tokens.put(RouteTokens.PROJECT, project);
    if (version != null) {
      tokens.put(RouteTokens.VERSION, version);
    }
    return routed(repository, request, tokens);
  }

  public static String text(final Response response) throws IOException {
    try (InputStream in = response.getPayload().openInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
