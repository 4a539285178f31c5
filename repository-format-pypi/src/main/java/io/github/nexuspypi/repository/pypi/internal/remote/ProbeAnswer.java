package io.github.nexuspypi.repository.pypi.internal.remote;

import io.github.nexuspypi.core.index.SimpleFormat;

/**
 * What one candidate index URL answered when asked for its root page, and whether that says it is an index, is not
 * one, or says nothing either way (upstream unreachable, failing, or asking for credentials).
 */
public final class ProbeAnswer
{
  enum Verdict
  {
    INDEX, NOT_AN_INDEX, UNKNOWN
  }

  private final Verdict verdict;

  private final String description;

  private ProbeAnswer(final Verdict verdict, final String description) {
    this.verdict = verdict;
    this.description = description;
  }

  /**
   * A 200 in one of the simple API's types is an index. A 5xx, or a refusal that better credentials or a later
   * try could turn round (401, 403, 407, 429), says nothing about the URL; any other answer says it is not an index.
   */
  public static ProbeAnswer of(final int status, final String contentType) {
    String description = contentType == null ? String.valueOf(status) : status + " " + contentType;
    if (status == 200) {
      return new ProbeAnswer(SimpleFormat.ofMediaType(contentType) != null ? Verdict.INDEX : Verdict.NOT_AN_INDEX,
          description);
    }
    boolean undecided = status >= 500 || status == 401 || status == 403 || status == 407 || status == 429;
    return new ProbeAnswer(undecided ? Verdict.UNKNOWN : Verdict.NOT_AN_INDEX, description);
  }

  /** No answer at all: a refused connection, a time-out, a TLS failure... */
  public static ProbeAnswer failed(final Exception failure) {
    String reason = failure.getMessage() == null ? failure.getClass().getSimpleName()
        : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    return new ProbeAnswer(Verdict.UNKNOWN, reason);
  }

  Verdict verdict() {
    return verdict;
  }

  @Override
  public String toString() {
    return description;
  }
}
