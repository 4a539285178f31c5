package io.github.nexuspypi.repository.pypi.internal.download;

import java.nio.file.Path;
import java.util.Optional;

import org.sonatype.nexus.blobstore.BlobIdLocationResolver;
import org.sonatype.nexus.blobstore.api.BlobId;
import org.sonatype.nexus.blobstore.api.BlobRef;
import org.sonatype.nexus.blobstore.api.BlobStore;
import org.sonatype.nexus.blobstore.api.BlobStoreManager;
import org.sonatype.nexus.blobstore.file.FileBlobStore;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class BlobFilesTest
{
  private static final BlobRef FIRST = new BlobRef("default", "a8f3f56f-e895-4b6e-984a-1cf1f5107d36");

  private static final BlobRef SECOND = new BlobRef("default", "0c3b9a4e-07a2-4c55-9e0e-5d7f4a8b2e11");

  private final BlobStoreManager stores = mock(BlobStoreManager.class);

  private final BlobIdLocationResolver locations = mock(BlobIdLocationResolver.class);

  private final BlobFiles files = new BlobFiles(stores, locations);

  @Test
  void aFileBlobStoresBlobLiesInItsContentFolderAtTheResolversLocation() {
    fileStoreIn(Path.of("/data/blobs/default/content"));
    when(locations.getLocation(FIRST.getBlobId())).thenReturn("vol-03/chap-41/" + FIRST.getBlobId());

    assertEquals(Optional.of(Path.of("/data/blobs/default/content/vol-03/chap-41/" + FIRST.getBlobId() + ".bytes")),
        files.contentFile(FIRST));
  }

  @Test
  void eachBlobsLocationIsResolvedOnce() {
    fileStoreIn(Path.of("/data/blobs/default/content"));
    when(locations.getLocation(FIRST.getBlobId())).thenReturn("vol-03/chap-41/" + FIRST.getBlobId());
    when(locations.getLocation(SECOND.getBlobId())).thenReturn("vol-11/chap-07/" + SECOND.getBlobId());

    files.contentFile(FIRST);
    files.contentFile(SECOND);
    files.contentFile(new BlobRef("default", FIRST.getBlobId().asUniqueString()));
    Optional<Path> second = files.contentFile(SECOND);

    assertEquals(Optional.of(Path.of("/data/blobs/default/content/vol-11/chap-07/" + SECOND.getBlobId() + ".bytes")),
        second);
    verify(locations, times(1)).getLocation(FIRST.getBlobId());
    verify(locations, times(1)).getLocation(new BlobId(SECOND.getBlobId().asUniqueString()));
  }

  @Test
  void otherStoresBlobsHaveNoFile() {
    when(stores.get("default")).thenReturn(mock(BlobStore.class));

    assertEquals(Optional.empty(), files.contentFile(FIRST));
  }

  private void fileStoreIn(final Path contentDir) {
    FileBlobStore store = mock(FileBlobStore.class);
    when(store.getContentDir()).thenReturn(contentDir);
    when(stores.get("default")).thenReturn(store);
  }
}
