package io.github.nexuspypi.core.upload;

import java.nio.charset.StandardCharsets;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.hash.FileDigests;
import io.github.nexuspypi.core.metadata.CoreMetadata;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadFieldsForFileTest
{
  private static final String SHA256 = "a".repeat(64);

  private final UploadValidator validator = new UploadValidator();

  private static CoreMetadata metadata(final String name, final String version) {
    return CoreMetadata.parse(("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n")
        .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aWheelsFormPassesTheUploadChecks() throws Exception {
    DistributionFilename wheel = DistributionFilename.parse("tiny_demo-1.0-py3-none-any.whl");
    UploadForm form = UploadFields.forFile(wheel, SHA256);

    assertEquals(wheel, validator.checkForm(form, wheel.filename()));
    assertEquals("py3", validator.pythonVersion(form, wheel));
    validator.checkMetadata(form, wheel, metadata("Tiny.Demo", "1.0"));
  }

  @Test
  void anSdistIsFiledAsSource() throws Exception {
    DistributionFilename sdist = DistributionFilename.parse("tiny_demo-2.0.tar.gz");
    UploadForm form = UploadFields.forFile(sdist, SHA256);

    validator.checkForm(form, sdist.filename());
    assertEquals("source", validator.pythonVersion(form, sdist));
  }

  @Test
  void theFileStillAnswersForItsOwnMetadataAndBytes() throws Exception {
    DistributionFilename wheel = DistributionFilename.parse("tiny_demo-1.0-py3-none-any.whl");
    UploadForm form = UploadFields.forFile(wheel, SHA256);

    UploadRejectedException otherName = assertThrows(UploadRejectedException.class,
        () -> validator.checkMetadata(form, wheel, metadata("other", "1.0")));
    assertTrue(otherName.getMessage().contains("does not match the project name"), otherName.getMessage());
    UploadRejectedException otherBytes = assertThrows(UploadRejectedException.class,
        () -> validator.checkDigests(form, new FileDigests("m", "b".repeat(64), "c", "d")));
    assertTrue(otherBytes.getMessage().contains("digest"), otherBytes.getMessage());
  }
}
