package io.github.nexuspypi.it.upstream;

import io.github.nexuspypi.core.index.SimpleFormat;

/**
 * One request as a {@link FakeHost} received it, before authentication and faults.
 *
 * @param host          which of the two hosts
 * @param method        {@code GET}, {@code HEAD}...
 * @param path          the path as sent, without the query
 * @param query         the query as sent, {@code null} when there is none
 * @param accept        the {@code Accept} header, {@code null} when not sent
 * @param authorization whether an {@code Authorization} header came, right or wrong
 * @param userAgent     the {@code User-Agent} header, {@code null} when not sent
 */
public record LoggedRequest(FakeHost.Role host, String method, String path, String query, String accept,
                            boolean authorization, String userAgent)
{
  /** The page form a PEP 691 index would answer with, as pypi.org picks it from {@link #accept()}. */
  public SimpleFormat negotiatedFormat() {
    return SimpleFormat.negotiate(accept);
  }
}
