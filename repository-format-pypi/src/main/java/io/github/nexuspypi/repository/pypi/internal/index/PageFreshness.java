package io.github.nexuspypi.repository.pypi.internal.index;

import java.time.Instant;

import org.sonatype.nexus.repository.view.Content;

/**
 * Until when a page a repository answered holds without asking it again, carried on the page's content: a group
 * keeps its merge of its members' pages no longer than the first of them is due for a refresh. Pages without the
 * mark are current until their repository's content changes, which its events tell.
 */
public final class PageFreshness
{
  private static final String KEY = PageFreshness.class.getName();

  private PageFreshness() {
  }

  public static Content mark(final Content page, final Instant freshUntil) {
    page.getAttributes().set(KEY, freshUntil);
    return page;
  }

  public static Instant of(final Content page) {
    Instant freshUntil = page.getAttributes().get(KEY, Instant.class);
    return freshUntil == null ? Instant.MAX : freshUntil;
  }
}
