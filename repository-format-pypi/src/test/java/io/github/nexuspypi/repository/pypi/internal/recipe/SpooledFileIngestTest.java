package io.github.nexuspypi.repository.pypi.internal.recipe;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.github.nexuspypi.core.hash.FileDigests;

import org.sonatype.nexus.blobstore.api.Blob;
import org.sonatype.nexus.blobstore.api.BlobStore;
import org.sonatype.nexus.blobstore.api.BlobStoreException;
import org.sonatype.nexus.blobstore.api.BlobStoreManager;
import org.sonatype.nexus.common.hash.HashAlgorithm;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.content.facet.ContentFacetStores;
import org.sonatype.nexus.repository.content.facet.ContentFacetSupport;
import org.sonatype.nexus.repository.content.store.FormatStoreManager;
import org.sonatype.nexus.repository.view.payloads.TempBlob;

import com.google.common.hash.HashCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.sonatype.nexus.blobstore.api.BlobStore.BLOB_NAME_HEADER;
import static org.sonatype.nexus.blobstore.api.BlobStore.CONTENT_TYPE_HEADER;
import static org.sonatype.nexus.blobstore.api.BlobStore.CREATED_BY_HEADER;
import static org.sonatype.nexus.blobstore.api.BlobStore.REPO_NAME_HEADER;
import static org.sonatype.nexus.blobstore.api.BlobStore.TEMPORARY_BLOB_HEADER;

class SpooledFileIngestTest
{
  private static final byte[] CONTENT = "a spooled wheel".getBytes(StandardCharsets.UTF_8);

  // Not the content's digests: whatever the blob gets must come from these, never from reading the file again.
  private static final FileDigests DIGESTS = new FileDigests("00112233445566778899aabbccddeeff",
      "ab".repeat(32), "cd".repeat(32), "0123456789abcdef0123456789abcdef01234567");

  @TempDir
  Path folder;

  private final BlobStore store = mock(BlobStore.class);

  private final Blob blob = mock(Blob.class);

  private final ContentFacetSupport facet = mock(ContentFacetSupport.class);

  private Path spooled;

  @BeforeEach
  void aFacetOnTheStore() throws Exception {
    spooled = Files.write(folder.resolve("pypi-import-1.part"), CONTENT);
    BlobStoreManager stores = mock(BlobStoreManager.class);
    when(stores.get("default")).thenReturn(store);
    ContentFacetStores facetStores = new ContentFacetStores(stores, "default", mock(FormatStoreManager.class), "nexus");
    when(facet.stores()).thenReturn(facetStores);
    when(facet.clientInfo()).thenReturn(Optional.empty());
    Repository repository = mock(Repository.class);
    when(repository.getName()).thenReturn("hosted");
    when(facet.repository()).thenReturn(repository);
  }

  @Test
  void linksTheFileWithTheDigestsOfItsSpooling() throws Exception {
    when(store.create(eq(spooled), anyMap(), eq((long) CONTENT.length),
        eq(HashCode.fromString(DIGESTS.sha1())))).thenReturn(blob);

    TempBlob temp = new SpooledFileIngest(facet).ingest(spooled, "application/zip", DIGESTS, CONTENT.length);

    assertSame(blob, temp.getBlob());
    assertEquals(Map.of(
        HashAlgorithm.MD5, HashCode.fromString(DIGESTS.md5()),
        HashAlgorithm.SHA1, HashCode.fromString(DIGESTS.sha1()),
        HashAlgorithm.SHA256, HashCode.fromString(DIGESTS.sha256())), temp.getHashes());
    verify(store, never()).create(any(InputStream.class), anyMap());
  }

  @Test
  void givesTheBlobTheHeadersOfATemporaryBlob() throws Exception {
    AtomicReference<Map<String, String>> headers = new AtomicReference<>();
    when(store.create(eq(spooled), anyMap(), anyLong(), any(HashCode.class))).thenAnswer(call -> {
      headers.set(call.getArgument(1));
      return blob;
    });

    new SpooledFileIngest(facet).ingest(spooled, "application/zip", DIGESTS, CONTENT.length);

    assertEquals("", headers.get().get(TEMPORARY_BLOB_HEADER));
    assertEquals("temp", headers.get().get(BLOB_NAME_HEADER));
    assertEquals("hosted", headers.get().get(REPO_NAME_HEADER));
    assertEquals("system", headers.get().get(CREATED_BY_HEADER));
    assertEquals("application/zip", headers.get().get(CONTENT_TYPE_HEADER));
  }

  @Test
  void sendsTheFileOnceWhereTheStoreCannotLinkIt() throws Exception {
    when(store.create(eq(spooled), anyMap(), anyLong(), any(HashCode.class)))
        .thenThrow(new BlobStoreException("hard links not supported", null));
    AtomicReference<byte[]> sent = new AtomicReference<>();
    when(store.create(any(InputStream.class), anyMap())).thenAnswer(call -> {
      sent.set(call.<InputStream>getArgument(0).readAllBytes());
      return blob;
    });

    TempBlob temp = new SpooledFileIngest(facet).ingest(spooled, "application/zip", DIGESTS, CONTENT.length);

    assertSame(blob, temp.getBlob());
    assertArrayEquals(CONTENT, sent.get());
    assertEquals(HashCode.fromString(DIGESTS.sha256()), temp.getHashes().get(HashAlgorithm.SHA256));
  }
}
