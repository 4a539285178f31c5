package io.github.nexuspypi.repository.pypi.internal.hosted;

import java.nio.file.Path;

import io.github.nexuspypi.core.upload.UploadRejectedException;
import io.github.nexuspypi.repository.pypi.PreparedDistribution;

import org.junit.jupiter.api.Test;
import org.sonatype.nexus.repository.IllegalOperationException;
import org.sonatype.nexus.repository.config.WritePolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class PypiHostedFacetImportTest
    extends PypiHostedFacetTestSupport
{
  private static PreparedDistribution imported(final String sha256) throws Exception {
    return Distributions.prepared(WHEEL, sha256, Path.of("/tmp/pypi-import-1.part"));
  }

  private void stored(final String sha256) throws Exception {
    stored(WHEEL_PATH, sha256);
  }

  @Test
  void aNewFileIsStoredWithoutAskingForPrivilegesWhichTheTaskStandsFor() throws Exception {
    PreparedDistribution file = imported(SHA256);
    when(content.store(file, false)).thenReturn(true);

    assertEquals(PypiHostedFacet.Outcome.STORED, facet.importFile(file));

    verifyNoInteractions(permissions);
  }

  @Test
  void aFileOfAReleaseNotStoredIsNotLookedUp() throws Exception {
    PreparedDistribution file = imported(SHA256);
    when(content.store(file, false)).thenReturn(true);

    assertEquals(PypiHostedFacet.Outcome.STORED, facet.importFile(file));

    verify(content, never()).findFile(any(), any(), any());
  }

  @Test
  void theSameBytesAreSkipped() throws Exception {
    stored(SHA256);

    assertEquals(PypiHostedFacet.Outcome.UNCHANGED, facet.importFile(imported(SHA256)));

    verify(content, never()).store(any(), anyBoolean());
  }

  @Test
  void otherBytesAreAConflictEvenWhereTheWritePolicyWouldLetAnUploadReplaceThem() throws Exception {
    stored(SHA256);

    FileConflictException conflict = assertThrows(FileConflictException.class,
        () -> facet.importFile(imported(OTHER_SHA256)));

    assertTrue(conflict.getMessage().startsWith("File already exists ('" + WHEEL + "', with sha256 hash '" + SHA256),
        conflict.getMessage());
    verify(content, never()).store(any(), anyBoolean());
  }

  @Test
  void aConcurrentWriteOfOtherBytesIsAConflictToo() throws Exception {
    PreparedDistribution file = imported(SHA256);
    when(content.store(file, false)).thenThrow(new IllegalOperationException("stored meanwhile"));

    assertThrows(FileConflictException.class, () -> facet.importFile(file));
  }

  @Test
  void aReadOnlyRepositoryRefusesTheImport() {
    when(content.writePolicy()).thenReturn(WritePolicy.DENY);

    UploadRejectedException refused = assertThrows(UploadRejectedException.class, () -> facet.checkWritable());

    assertTrue(refused.getMessage().contains("read-only"), refused.getMessage());
  }
}
