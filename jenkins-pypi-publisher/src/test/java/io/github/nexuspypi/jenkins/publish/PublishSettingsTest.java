package io.github.nexuspypi.jenkins.publish;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PublishSettingsTest
{
  @Test
  void theUploadUrlAlwaysEndsWithASlash() {
    assertEquals("https://nexus/repository/pypi-hosted/",
        PublishSettings.to(" https://nexus/repository/pypi-hosted ").build().repositoryUrl().toString());
    assertThrows(IllegalArgumentException.class, () -> PublishSettings.to("ftp://nexus/"));
  }

  @Test
  void patternsDefaultToDist() {
    assertEquals(List.of("dist/*"), PublishSettings.to("http://x/").build().patterns());
    assertEquals(List.of("dist/*"), PublishSettings.to("http://x/").files(" , ").build().patterns());
    assertEquals(List.of("a/*.whl", "b/*.tar.gz"), PublishSettings.to("http://x/").files("a/*.whl,b/*.tar.gz")
        .build().patterns());
  }

  @Test
  void secretsStayOutOfTheirDescriptions() {
    PublishSettings settings = PublishSettings.to("http://x/")
        .credentials(UploadCredentials.usernamePassword("deployer", "s3cret-password")).build();
    PublishSettings token = PublishSettings.to("http://x/").credentials(UploadCredentials.token("pypi-AgEtoken"))
        .build();

    assertFalse(settings.toString().contains("s3cret-password"), settings::toString);
    assertFalse(token.toString().contains("pypi-AgEtoken"), token::toString);
    assertEquals("__token__", token.credentials().username());
    assertThrows(IllegalArgumentException.class, () -> PublishSettings.to("http://x/").retries(-1));
  }
}
