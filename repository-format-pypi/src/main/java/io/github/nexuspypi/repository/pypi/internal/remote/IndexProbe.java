package io.github.nexuspypi.repository.pypi.internal.remote;

import java.net.URI;

/** Asks a candidate index URL for its root page. */
public interface IndexProbe
{
  ProbeAnswer ask(URI candidate);
}
