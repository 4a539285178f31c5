package io.github.nexuspypi.core.upload;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UploadRejectedExceptionTest
{
  @Test
  void eachKindOfRefusalHasTheStatusPypiAnswersItWith() {
    assertEquals(400, UploadRejectedException.badRequest("Invalid file extension").status());
    assertEquals(410, UploadRejectedException.gone("Uploading documentation is no longer supported").status());
  }

  @Test
  void theMessageIsMadePrintableForTheReasonPhrase() {
    assertEquals("Filename 'a\\x0ab.whl' is invalid",
        UploadRejectedException.badRequest("Filename 'a\nb.whl' is invalid").getMessage());
  }
}
