package io.github.nexuspypi.repository.pypi.internal.json;

import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Request;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class LinkBaseTest
{
  private static Context asked(final String repositoryUrl, final Request request) {
    Repository repository = mock(Repository.class);
    when(repository.getUrl()).thenReturn(repositoryUrl);
    Context context = mock(Context.class);
    when(context.getRepository()).thenReturn(repository);
    when(context.getRequest()).thenReturn(request);
    return context;
  }

  private static Request get() {
    return new Request.Builder().action("GET").path("/pypi/foo/json").build();
  }

  @Test
  void aRepositoryAskedDirectlyLinksToItself() {
    assertEquals("http://nexus/repository/pypi-hosted",
        LinkBase.of(asked("http://nexus/repository/pypi-hosted", get())));
  }

  @Test
  void aMemberAskedByAGroupLinksThroughTheGroup() {
    Request request = get();
    LinkBase.throughGroup(asked("http://nexus/repository/pypi-all", request));

    assertEquals("http://nexus/repository/pypi-all",
        LinkBase.of(asked("http://nexus/repository/pypi-hosted", request)));
  }
}
