package io.github.nexuspypi.repository.pypi.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.sonatype.nexus.common.io.InputStreamSupplier;
import org.sonatype.nexus.mime.MimeRulesSource;
import org.sonatype.nexus.repository.InvalidContentException;
import org.sonatype.nexus.repository.mime.DefaultContentValidator;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class PypiContentValidatorTest
{
  private static final InputStreamSupplier WEB_PAGE = () -> new ByteArrayInputStream(
      "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8));

  private final DefaultContentValidator nexus = mock(DefaultContentValidator.class);

  private final PypiContentValidator validator = new PypiContentValidator(nexus);

  @Test
  void distributionsAndTheirMetadataAreTypedByTheirKindWhateverTheirBytesLookLike() throws IOException {
    when(nexus.determineContentType(anyBoolean(), any(), any(), any(), any())).thenReturn("text/html");

    assertEquals("text/plain", type(false, "/packages/foo/1.0/foo-1.0-py3-none-any.whl.metadata", "text/html"));
    assertEquals("text/plain", type(true, "/packages/foo/1.0/foo-1.0.tar.gz.metadata", null));
    assertEquals("application/zip", type(false, "/packages/foo/1.0/foo-1.0-py3-none-any.whl", "text/html"));
    assertEquals("application/zip", type(false, "/packages/foo/1.0/foo-1.0.zip", null));
    assertEquals("application/gzip", type(false, "/packages/foo/1.0/foo-1.0.tar.gz", null));
    assertEquals("application/octet-stream", type(false, "/packages/foo/1.0/foo-1.0.tar.bz2", null));
  }

  @Test
  void strictValidationStillRunsNexussChecks() throws IOException {
    String path = "/packages/foo/1.0/foo-1.0-py3-none-any.whl";
    when(nexus.determineContentType(eq(true), any(), any(), eq(path), any()))
        .thenThrow(new InvalidContentException("Content type could not be determined"));

    assertThrows(InvalidContentException.class, () -> type(true, path, null));
    type(false, "/packages/foo/1.0/foo-1.0.tar.gz", null);
    verify(nexus, never()).determineContentType(eq(false), any(), any(), eq("/packages/foo/1.0/foo-1.0.tar.gz"),
        any());
  }

  @Test
  void otherAssetsAreTypedByNexus() throws IOException {
    when(nexus.determineContentType(anyBoolean(), any(), any(), any(), any())).thenReturn("application/json");

    assertEquals("application/json", type(true, "/simple/foo/upstream.json", "application/json"));
    assertEquals("application/json", type(false, "/packages/foo/unknown/x.html", "text/html"));
  }

  private String type(final boolean strict, final String path, final String declared) throws IOException {
    return validator.determineContentType(strict, WEB_PAGE, MimeRulesSource.NOOP, path, declared);
  }
}
