package io.github.nexuspypi.repository.pypi.internal.download;

import java.nio.file.Path;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

import io.github.nexuspypi.repository.pypi.internal.KeptResults;

import org.sonatype.nexus.blobstore.BlobIdLocationResolver;
import org.sonatype.nexus.blobstore.api.BlobId;
import org.sonatype.nexus.blobstore.api.BlobRef;
import org.sonatype.nexus.blobstore.api.BlobStore;
import org.sonatype.nexus.blobstore.api.BlobStoreManager;
import org.sonatype.nexus.blobstore.file.FileBlobStore;


/**
 * Where a blob's bytes lie on disk, for blobs of a file blob store: the file blob store keeps them in
 * {@code <content dir>/<location>.bytes}, the location given by the same resolver it uses. Other stores (S3, blob
 * store groups) have no such file, and their blobs are read as streams.
 *
 * A blob's location depends on its id alone, and Nexus's resolver builds it with {@code String.format}, which made
 * up 9 % of a file download's CPU in a profile. Locations are kept, some hundred bytes each.
 */
@Named
@Singleton
public class BlobFiles
{
  private static final long KEPT_LOCATIONS = 10_000;

  private final BlobStoreManager blobStores;

  private final KeptResults<BlobId, String> locations;

  @Inject
  public BlobFiles(final BlobStoreManager blobStores, final BlobIdLocationResolver locations) {
    this.blobStores = blobStores;
    this.locations = new KeptResults<>(KEPT_LOCATIONS, locations::getLocation);
  }

  public Optional<Path> contentFile(final BlobRef blob) {
    BlobStore store = blobStores.get(blob.getStore());
    if (!(store instanceof FileBlobStore)) {
      return Optional.empty();
    }
    return Optional.of(((FileBlobStore) store).getContentDir()
        .resolve(locations.get(blob.getBlobId()) + BlobStore.BLOB_FILE_CONTENT_SUFFIX));
  }
}
