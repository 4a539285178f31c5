package io.github.nexuspypi.repository.pypi.internal.remote;

import java.net.URI;
import java.util.Optional;

import io.github.nexuspypi.repository.pypi.internal.remote.ProbeAnswer.Verdict;
import io.github.nexuspypi.repository.pypi.internal.remote.ResolvedIndexUrl.Form;

/**
 * Finds the index URL behind the remote URL an admin gives: what pip takes as {@code --index-url} (devpi's
 * {@code +simple/}, proxpi's {@code index/}, Artifactory's {@code simple/}...) or the base that holds {@code simple/},
 * as {@code https://pypi.org/}. Decided once, when the repository is saved, so that a wrong guess is refused there
 * rather than turning every page into a silent 404 later.
 */
public final class IndexUrlResolver
{
  private static final String HINT = "Check that upstream is reachable with this repository's HTTP settings and"
      + " credentials, or give the index URL itself ending in simple/ or +simple/, which is kept without asking.";

  private IndexUrlResolver() {
  }

  /**
   * A URL ending in {@code simple/} or {@code +simple/} is the index. So is {@code stored}, the URL resolved when the
   * repository was last saved, when it is what {@code remoteUrl} resolved to: editing other settings then never
   * depends on upstream being up. Otherwise upstream is asked: first {@code <remoteUrl>simple/}, then
   * {@code <remoteUrl>} itself, which is taken only once the first has said it is no index.
   */
  public static ResolvedIndexUrl resolve(final URI remoteUrl, final Optional<URI> stored, final IndexProbe probe)
      throws UnresolvedIndexUrlException
  {
    URI given = withTrailingSlash(remoteUrl);
    if (namesAnIndex(given)) {
      return new ResolvedIndexUrl(given, Form.NAMED_INDEX);
    }
    URI below = given.resolve("simple/");
    if (stored.map(IndexUrlResolver::withTrailingSlash).filter(url -> url.equals(below) || url.equals(given))
        .isPresent()) {
      return new ResolvedIndexUrl(withTrailingSlash(stored.get()), Form.ALREADY_RESOLVED);
    }
    ProbeAnswer underSimple = probe.ask(below);
    if (underSimple.verdict() == Verdict.INDEX) {
      return new ResolvedIndexUrl(below, Form.BASE);
    }
    if (underSimple.verdict() == Verdict.UNKNOWN) {
      throw new UnresolvedIndexUrlException(undecided(below, underSimple, given));
    }
    ProbeAnswer itself = probe.ask(given);
    if (itself.verdict() == Verdict.INDEX) {
      return new ResolvedIndexUrl(given, Form.INDEX);
    }
    if (itself.verdict() == Verdict.UNKNOWN) {
      throw new UnresolvedIndexUrlException(undecided(given, itself, below, underSimple));
    }
    throw new UnresolvedIndexUrlException("No PyPI index answers at " + below + " (" + underSimple + ") nor at "
        + given + " (" + itself + "). Give the URL pip takes as --index-url for this index.");
  }

  /** The URL pip's {@code --index-url} takes for an index whose last segment says so. */
  static boolean namesAnIndex(final URI url) {
    String path = url.getPath() == null ? "" : url.getPath();
    return path.endsWith("/simple/") || path.endsWith("/+simple/");
  }

  static URI withTrailingSlash(final URI url) {
    String path = url.getRawPath();
    if (path == null || path.isEmpty()) {
      return url.resolve("/");
    }
    return path.endsWith("/") ? url : url.resolve(path + "/");
  }

  private static String undecided(final URI asked, final ProbeAnswer answer, final URI notAsked) {
    return "Cannot tell whether " + asked + " or " + notAsked + " is the PyPI index: " + asked + " answered "
        + answer + ". " + HINT;
  }

  private static String undecided(final URI asked, final ProbeAnswer answer, final URI before,
                                  final ProbeAnswer answerBefore)
  {
    return "Cannot tell whether " + asked + " is the PyPI index: it answered " + answer + ", and " + before
        + " answered " + answerBefore + ". " + HINT;
  }
}
