package io.github.nexuspypi.repository.pypi.internal.recipe;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.sonatype.nexus.blobstore.api.Blob;
import org.sonatype.nexus.blobstore.api.BlobId;
import org.sonatype.nexus.repository.view.payloads.TempBlob;

/**
 * The blobs being stored whose content type our own inspection has proven: a distribution that pypi-core opened as
 * the archive its name says and that begins with that archive's signature, and the {@code .metadata} file read out
 * of it. Nexus's content detection (Tika's magic rules over the file's first bytes) was a third of an imported
 * file's CPU, and could only confirm what the inspection found. Only a hosted store of a prepared distribution holds
 * blobs here: a proxy's files from upstream, and anything else, are still detected.
 */
final class ProvenBlobs
{
  private final Set<BlobId> proven = ConcurrentHashMap.newKeySet();

  /** Holds the blobs as proven until the returned hold is closed, once their assets are saved or not. */
  Hold hold(final List<TempBlob> blobs) {
    blobs.forEach(blob -> proven.add(blob.getBlob().getId()));
    return () -> blobs.forEach(blob -> proven.remove(blob.getBlob().getId()));
  }

  boolean proves(final Blob blob) {
    return proven.contains(blob.getId());
  }

  interface Hold
      extends AutoCloseable
  {
    @Override
    void close();
  }
}
