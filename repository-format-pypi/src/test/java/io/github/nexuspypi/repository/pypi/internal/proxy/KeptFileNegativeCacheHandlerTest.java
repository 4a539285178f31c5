package io.github.nexuspypi.repository.pypi.internal.proxy;

import io.github.nexuspypi.repository.pypi.PypiContentFacet;

import org.junit.jupiter.api.Test;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.cache.NegativeCacheFacet;
import org.sonatype.nexus.repository.cache.NegativeCacheKey;
import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Request;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.Status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class KeptFileNegativeCacheHandlerTest
{
  private static final String FILE = "/packages/demo/1.0/demo-1.0-py3-none-any.whl";

  private final Repository repository = mock(Repository.class);

  private final PypiContentFacet content = mock(PypiContentFacet.class);

  private final NegativeCacheFacet notFound = mock(NegativeCacheFacet.class);

  private final Context context = mock(Context.class);

  private final KeptFileNegativeCacheHandler handler = new KeptFileNegativeCacheHandler();

  KeptFileNegativeCacheHandlerTest() {
    when(repository.facet(PypiContentFacet.class)).thenReturn(content);
    when(repository.facet(NegativeCacheFacet.class)).thenReturn(notFound);
    when(context.getRepository()).thenReturn(repository);
    when(context.getRequest()).thenReturn(new Request.Builder().action(HttpMethods.GET).path(FILE).build());
  }

  @Test
  void aKeptFileIsAnsweredWithoutTheNotFoundCache() throws Exception {
    Response file = HttpResponses.ok();
    when(content.keepsToDownload(FILE)).thenReturn(true);
    when(context.proceed()).thenReturn(file);

    assertSame(file, handler.handle(context));
    verifyNoInteractions(notFound);
  }

  @Test
  void anyOtherPathIsFirstLookedUpInTheNotFoundCache() throws Exception {
    NegativeCacheKey key = mock(NegativeCacheKey.class);
    when(notFound.getCacheKey(context)).thenReturn(key);
    when(notFound.get(key)).thenReturn(Status.failure(404, "not upstream"));

    Response answer = handler.handle(context);

    assertEquals(404, answer.getStatus().getCode());
    verify(context, never()).proceed();
  }

  @Test
  void aFileFetchedNowIsTakenOutOfTheNotFoundCacheAsNexusDoes() throws Exception {
    NegativeCacheKey key = mock(NegativeCacheKey.class);
    when(notFound.getCacheKey(context)).thenReturn(key);
    when(context.proceed()).thenReturn(HttpResponses.ok());

    handler.handle(context);

    verify(notFound).invalidate(key);
    verify(notFound, never()).put(any(), any());
  }
}
