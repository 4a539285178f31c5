package io.github.nexuspypi.it.bench;

import java.net.http.HttpRequest;
import java.time.Duration;

/** A closed-loop load of one request on a number of connections: {@link HttpLoad} in Java, {@link WrkLoad}. */
public interface LoadGenerator
{
  /**
   * An uncounted load of {@code warmUp}, then {@code measured} counted; every answer must have {@code expectedStatus}
   * and a body of {@code expectedLength} bytes, or the run fails.
   */
  LoadResult run(HttpRequest request, int expectedStatus, long expectedLength, int connections, Duration warmUp,
                 Duration measured);
}
