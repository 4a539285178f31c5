package io.github.nexuspypi.repository.pypi.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PypiResponsesTest
{
  @Test
  void reasonPhraseIsOneLineOfLatin1() {
    assertEquals("File already exists ('a.whl')? next ?", PypiResponses.reasonPhrase("File already exists ('a.whl')\n next \u2603"));
  }

  @Test
  void reasonPhraseIsBounded() {
    assertTrue(PypiResponses.reasonPhrase("x".repeat(5000)).length() <= 500);
  }

  @Test
  void failureCarriesTheMessageInStatusAndBody() throws Exception {
    var response = PypiResponses.failure(400, "File already exists ('a.whl').");
    assertEquals(400, response.getStatus().getCode());
    assertEquals("File already exists ('a.whl').", response.getStatus().getMessage());
    try (var in = response.getPayload().openInputStream()) {
      assertEquals("File already exists ('a.whl').\n", new String(in.readAllBytes(), "UTF-8"));
    }
  }

  @Test
  void aBadRequestIsA400AndAMissingPrivilegeA403() {
    assertEquals(400, PypiResponses.badRequest("Uploads are multipart.").getStatus().getCode());
    assertEquals(403, PypiResponses.forbidden("Needs 'add'.").getStatus().getCode());
    assertEquals("Needs 'add'.", PypiResponses.forbidden("Needs 'add'.").getStatus().getMessage());
  }
}
