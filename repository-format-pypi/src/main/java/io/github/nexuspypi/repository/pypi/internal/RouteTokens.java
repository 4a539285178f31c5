package io.github.nexuspypi.repository.pypi.internal;

import java.util.Optional;

import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.matchers.token.TokenMatcher;

/**
 * The named parts of a request path that a route's {@link TokenMatcher} captured.
 */
public final class RouteTokens
{
  public static final String PROJECT = "project";

  public static final String VERSION = "version";

  public static final String FILENAME = "filename";

  private RouteTokens() {
  }

  public static Optional<String> get(final Context context, final String token) {
    TokenMatcher.State state = context.getAttributes().get(TokenMatcher.State.class);
    return state == null ? Optional.empty() : Optional.ofNullable(state.getTokens().get(token));
  }
}
