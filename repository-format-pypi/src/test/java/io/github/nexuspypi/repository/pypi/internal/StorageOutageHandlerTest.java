package io.github.nexuspypi.repository.pypi.internal;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sonatype.nexus.blobstore.api.BlobStore;
import org.sonatype.nexus.blobstore.api.BlobStoreException;
import org.sonatype.nexus.blobstore.api.BlobStoreManager;
import org.sonatype.nexus.common.collect.NestedAttributesMap;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.config.Configuration;
import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Request;
import org.sonatype.nexus.repository.view.Response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class StorageOutageHandlerTest
{
  private final BlobStoreManager blobStores = mock(BlobStoreManager.class);

  private final BlobStore blobStore = mock(BlobStore.class);

  private final Context context = mock(Context.class);

  private final StorageOutageHandler handler = new StorageOutageHandler(blobStores);

  @BeforeEach
  void aRepositoryOnBlobStoreS3() {
    Map<String, Object> storage = new HashMap<>();
    storage.put("blobStoreName", "s3");
    Configuration configuration = mock(Configuration.class);
    when(configuration.attributes("storage")).thenReturn(new NestedAttributesMap("storage", storage));
    Repository repository = mock(Repository.class);
    when(repository.getName()).thenReturn("pypi-hosted");
    when(repository.getConfiguration()).thenReturn(configuration);
    when(context.getRepository()).thenReturn(repository);
    when(context.getRequest()).thenReturn(new Request.Builder().action(HttpMethods.POST).path("/").build());
    when(blobStores.get("s3")).thenReturn(blobStore);
  }

  @Test
  void aFailureWhileTheBlobStoreIsUnreachableIsA503NamingIt() throws Exception {
    when(context.proceed()).thenThrow(new BlobStoreException("Error uploading blob", null));
    when(blobStore.isStorageAvailable()).thenReturn(false);

    Response response = handler.handle(context);

    assertEquals(503, response.getStatus().getCode());
    assertEquals("Blob store 's3' of repository 'pypi-hosted' is unavailable; try again once it is back\n",
        Exchanges.text(response));
  }

  @Test
  void aFailureWhileTheBlobStoreIsReachableStaysWhatItWas() throws Exception {
    IllegalStateException failure = new IllegalStateException("a bug");
    when(context.proceed()).thenThrow(failure);
    when(blobStore.isStorageAvailable()).thenReturn(true);

    assertSame(failure, assertThrows(IllegalStateException.class, () -> handler.handle(context)));
  }

  @Test
  void anAnswerIsPassedOnWithoutAskingTheBlobStore() throws Exception {
    Response ok = HttpResponses.ok();
    when(context.proceed()).thenReturn(ok);

    assertSame(ok, handler.handle(context));
    verify(blobStore, never()).isStorageAvailable();
  }
}
