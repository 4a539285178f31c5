package io.github.nexuspypi.repository.pypi.internal.remote;

import java.net.URI;

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

  private final SimpleFormat format;

  private final String description;

  private ProbeAnswer(final Verdict verdict, final SimpleFormat format, final String description) {
    this.verdict = verdict;
    this.format = format;
    this.description = description;
  }

  /**
   * A 200 in one of the simple API's types may be an index. A 5xx, or a refusal that better credentials or a later
   * try could turn round (401, 403, 407, 429), says nothing about the URL; any other answer says it is not an index.
   */
  public static ProbeAnswer of(final int status, final String contentType) {
    String description = contentType == null ? String.valueOf(status) : status + " " + contentType;
    SimpleFormat format = SimpleFormat.ofMediaType(contentType);
    if (status == 200) {
      return new ProbeAnswer(format != null ? Verdict.INDEX : Verdict.NOT_AN_INDEX, format, description);
    }
    boolean undecided = status >= 500 || status == 401 || status == 403 || status == 407 || status == 429;
    return new ProbeAnswer(undecided ? Verdict.UNKNOWN : Verdict.NOT_AN_INDEX, null, description);
  }

  /** No answer at all: a refused connection, a time-out, a TLS failure... */
  public static ProbeAnswer failed(final Exception failure) {
    String reason = failure.getMessage() == null ? failure.getClass().getSimpleName()
        : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    return new ProbeAnswer(Verdict.UNKNOWN, null, reason);
  }

  /**
   * Only an index answers in PEP 691's JSON type; an HTML page is any web server's answer (proxpi's and devpi's home
   * pages are), so it is taken for an index root only once a project it lists has a page.
   */
  boolean needsAProjectPage() {
    return verdict == Verdict.INDEX && format != SimpleFormat.JSON_V1;
  }

  /** This page, which looked like an index root, turned out to be none, for the reason given. */
  ProbeAnswer refutedBy(final String reason) {
    return new ProbeAnswer(Verdict.NOT_AN_INDEX, format, description + ", but " + reason);
  }

  /** This root page, judged by what the page of the first project it lists answered. */
  ProbeAnswer confirmedBy(final URI projectPage, final ProbeAnswer answer) {
    if (answer.verdict == Verdict.INDEX) {
      return this;
    }
    return new ProbeAnswer(answer.verdict, format,
        description + ", but its first project's page " + projectPage + " answered " + answer);
  }

  Verdict verdict() {
    return verdict;
  }

  @Override
  public String toString() {
    return description;
  }
}
