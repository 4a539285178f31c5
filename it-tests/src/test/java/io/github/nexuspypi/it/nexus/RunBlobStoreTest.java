package io.github.nexuspypi.it.nexus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunBlobStoreTest
{
  @Test
  void namesTheBlobStoreRepositoriesAreCreatedIn() {
    assertEquals("default", RunBlobStore.named("file").blobStoreName());
    assertEquals("s3-default", RunBlobStore.named("S3").blobStoreName());
  }

  @Test
  void anUnknownKindSaysWhichOnesThereAre() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> RunBlobStore.named("azure"));
    assertTrue(e.getMessage().contains("-Dit.blobStore is file or s3, not azure"), e::getMessage);
  }
}
