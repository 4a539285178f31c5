package io.github.nexuspypi.repository.pypi.internal.recipe;

import java.util.List;

import org.sonatype.nexus.blobstore.api.Blob;
import org.sonatype.nexus.blobstore.api.BlobId;
import org.sonatype.nexus.repository.view.payloads.TempBlob;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ProvenBlobsTest
{
  private final ProvenBlobs proven = new ProvenBlobs();

  @Test
  void aBlobIsProvenOnlyWhileItsStoreHoldsIt() {
    Blob wheel = blob("wheel");
    Blob metadata = blob("metadata");
    Blob fetched = blob("fetched");
    try (ProvenBlobs.Hold hold = proven.hold(List.of(temp(wheel), temp(metadata)))) {
      assertTrue(proven.proves(wheel));
      assertTrue(proven.proves(blob("metadata")), "by the blob's id, as Nexus hands the blob back");
      assertFalse(proven.proves(fetched));
    }
    assertFalse(proven.proves(wheel));
    assertFalse(proven.proves(metadata));
  }

  private static Blob blob(final String id) {
    Blob blob = mock(Blob.class);
    when(blob.getId()).thenReturn(new BlobId(id));
    return blob;
  }

  private static TempBlob temp(final Blob blob) {
    TempBlob temp = mock(TempBlob.class);
    when(temp.getBlob()).thenReturn(blob);
    return temp;
  }
}
