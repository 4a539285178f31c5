package io.github.nexuspypi.it.upstream;

import java.util.function.Function;

/**
 * The shapes of upstream index a company meets, each with the remote URL its admin pastes: where a {@link FakeIndex}
 * of that shape mounts its simple API, and whether it answers HTML only.
 */
public enum IndexShape
{
  /** pypi.org, pypiserver, nginx over a PEP 503 tree, another Nexus: the base that holds simple/. */
  BASE("/simple/", false, upstream -> upstream.uri().toString()),
  /** The same, by its index URL, as pip.conf has it. */
  SIMPLE("/simple/", false, upstream -> upstream.simpleUri().toString()),
  DEVPI("/root/pypi/+simple/", false, upstream -> upstream.simpleUri().toString()),
  /** An index URL of no telling shape, answering HTML only, as proxpi 1.x does; pasted without its slash. */
  PROXPI("/index/", true, upstream -> upstream.simpleUri().toString().replaceAll("/$", "")),
  ARTIFACTORY("/artifactory/api/pypi/pypi-remote/simple/", false, upstream -> upstream.simpleUri().toString());

  private final String mountPoint;

  private final boolean htmlOnly;

  private final Function<FakeIndex, String> remoteUrl;

  IndexShape(final String mountPoint, final boolean htmlOnly, final Function<FakeIndex, String> remoteUrl) {
    this.mountPoint = mountPoint;
    this.htmlOnly = htmlOnly;
    this.remoteUrl = remoteUrl;
  }

  /** A fake index of this shape, started. */
  public FakeIndex start() {
    return FakeIndex.mountedAt(mountPoint).htmlOnly(htmlOnly);
  }

  /** What an admin pastes as a proxy's remote URL for an index of this shape. */
  public String remoteUrl(final FakeIndex upstream) {
    return remoteUrl.apply(upstream);
  }
}
