package io.github.nexuspypi.it.upstream;

import java.net.URI;
import java.time.Duration;

/**
 * How a {@link FakeHost} misbehaves for one path or for every path, switched while a test runs. Switches combine: a
 * delay comes first; then a status or a redirect replaces the answer; otherwise the body is served with its faults.
 * Where a path and the whole host both say something, the path's switch wins, one switch at a time.
 */
public final class Fault
{
  /** How a trickled body goes out. */
  record Trickle(int chunkBytes, Duration pause)
  {
  }

  private volatile Duration delay;

  private volatile Trickle trickle;

  private volatile Integer status;

  private volatile Boolean redirectLoop;

  private volatile URI redirect;

  private volatile String contentType;

  private volatile Boolean wrongSha256;

  private volatile Malformation malformation;

  private volatile Boolean connectionReset;

  /** Waits this long before answering at all, headers included. */
  public Fault slow(final Duration beforeHeaders) {
    delay = beforeHeaders;
    return this;
  }

  /** Sends the body {@code chunkBytes} at a time, flushed, with {@code pause} before each chunk after the first. */
  public Fault trickle(final int chunkBytes, final Duration pause) {
    if (chunkBytes < 1) {
      throw new IllegalArgumentException("A chunk has at least one byte: " + chunkBytes);
    }
    trickle = new Trickle(chunkBytes, pause);
    return this;
  }

  /** Answers with this status and a short text body instead; 401 comes with a Basic challenge. */
  public Fault status(final int code) {
    status = code;
    return this;
  }

  /**
   * Answers 302 to the same path with {@code ?loop=<n+1>}, forever: no URL repeats, so only a client's redirect limit
   * ends it.
   */
  public Fault redirectLoop() {
    redirectLoop = Boolean.TRUE;
    return this;
  }

  /** Answers 302 to {@code location}, which may be on another host. */
  public Fault redirectTo(final URI location) {
    redirect = location;
    return this;
  }

  /** Serves the body as this {@code Content-Type}, whatever it is. */
  public Fault contentType(final String type) {
    contentType = type;
    return this;
  }

  /**
   * Serves other bytes of the same length (the first byte inverted), so that only the sha256 the page announces
   * tells; meant for a file or {@code .metadata} path.
   */
  public Fault wrongSha256() {
    wrongSha256 = Boolean.TRUE;
    return this;
  }

  /** Serves a page that pypi-core's parser of its format rejects: see {@link Malformation#UNREADABLE}. */
  public Fault malformed() {
    return malformed(Malformation.UNREADABLE);
  }

  /** Serves pages (not files) broken this way. */
  public Fault malformed(final Malformation how) {
    malformation = how;
    return this;
  }

  /**
   * Sends the status line, the headers (with the full Content-Length) and the first half of the body, then resets the
   * connection (TCP RST). A path that serves nothing (a 404) is answered normally.
   */
  public Fault connectionReset() {
    connectionReset = Boolean.TRUE;
    return this;
  }

  /** Switches everything off. */
  public void clear() {
    delay = null;
    trickle = null;
    status = null;
    redirectLoop = null;
    redirect = null;
    contentType = null;
    wrongSha256 = null;
    malformation = null;
    connectionReset = null;
  }

  /** This fault's switches, and {@code fallback}'s where this one says nothing. */
  Fault orElse(final Fault fallback) {
    Fault merged = new Fault();
    merged.delay = delay != null ? delay : fallback.delay;
    merged.trickle = trickle != null ? trickle : fallback.trickle;
    merged.status = status != null ? status : fallback.status;
    merged.redirectLoop = redirectLoop != null ? redirectLoop : fallback.redirectLoop;
    merged.redirect = redirect != null ? redirect : fallback.redirect;
    merged.contentType = contentType != null ? contentType : fallback.contentType;
    merged.wrongSha256 = wrongSha256 != null ? wrongSha256 : fallback.wrongSha256;
    merged.malformation = malformation != null ? malformation : fallback.malformation;
    merged.connectionReset = connectionReset != null ? connectionReset : fallback.connectionReset;
    return merged;
  }

  Duration delay() {
    return delay;
  }

  Trickle trickling() {
    return trickle;
  }

  Integer statusCode() {
    return status;
  }

  boolean redirectsInALoop() {
    return Boolean.TRUE.equals(redirectLoop);
  }

  URI redirectLocation() {
    return redirect;
  }

  String servedContentType() {
    return contentType;
  }

  boolean servesWrongBytes() {
    return Boolean.TRUE.equals(wrongSha256);
  }

  Malformation malformation() {
    return malformation;
  }

  boolean resetsConnection() {
    return Boolean.TRUE.equals(connectionReset);
  }

  /** Sleeps; {@code false} when the server's shutdown interrupted the sleep. */
  static boolean pause(final Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
      return true;
    }
    catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
