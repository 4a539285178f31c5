package io.github.nexuspypi.it.upstream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every request both hosts of a {@link FakeIndex} received, in order of arrival. */
public final class RequestLog
{
  private final List<LoggedRequest> requests = new CopyOnWriteArrayList<>();

  void add(final LoggedRequest request) {
    requests.add(request);
  }

  public List<LoggedRequest> all() {
    return List.copyOf(requests);
  }

  /** The requests for {@code path} (as {@link FakeFile#path()} or {@link FakeProject#path()} give it), any method. */
  public List<LoggedRequest> to(final String path) {
    return requests.stream().filter(request -> request.path().equals(path)).toList();
  }

  public void clear() {
    requests.clear();
  }
}
