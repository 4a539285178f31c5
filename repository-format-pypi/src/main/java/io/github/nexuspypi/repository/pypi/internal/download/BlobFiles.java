package io.github.nexuspypi.repository.pypi.internal.download;

import java.nio.file.Path;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

import org.sonatype.nexus.blobstore.BlobIdLocationResolver;
import org.sonatype.nexus.blobstore.api.BlobRef;
import org.sonatype.nexus.blobstore.api.BlobStore;
import org.sonatype.nexus.blobstore.api.BlobStoreManager;
import org.sonatype.nexus.blobstore.file.FileBlobStore;

/**
 * Where a blob's bytes lie on disk, for blobs of a file blob store: the file blob store keeps them in
 * {@code <content dir>/<location>.bytes}, the location given by the same resolver it uses. Other stores (S3, blob
 * store groups) have no such file, and their blobs are read as streams.
 */
@Named
@Singleton
public class BlobFiles
{
  private final BlobStoreManager blobStores;

  private final BlobIdLocationResolver locations;

  @Inject
  public BlobFiles(final BlobStoreManager blobStores, final BlobIdLocationResolver locations) {
    this.blobStores = blobStores;
    this.locations = locations;
  }

  public Optional<Path> contentFile(final BlobRef blob) {
    BlobStore store = blobStores.get(blob.getStore());
    if (!(store instanceof FileBlobStore)) {
      return Optional.empty();
    }
    return Optional.of(((FileBlobStore) store).getContentDir()
        .resolve(locations.getLocation(blob.getBlobId()) + BlobStore.BLOB_FILE_CONTENT_SUFFIX));
  }
}
