package io.github.nexuspypi.repository.pypi.rest;

import java.util.List;

import org.sonatype.nexus.repository.config.Configuration;
import org.sonatype.nexus.repository.config.ConfigurationStore;
import org.sonatype.nexus.repository.config.SimpleConfiguration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The REST body of a group, as an admin's script sends it, into the configuration Nexus stores. */
class PypiGroupRequestConverterTest
{
  private static final String SONATYPE_SHAPE = "\"name\": \"pypi-all\", \"online\": true,"
      + " \"storage\": {\"blobStoreName\": \"default\", \"strictContentTypeValidation\": true},"
      + " \"group\": {\"memberNames\": [\"pypi-internal\", \"pypi-org\"]}";

  private final ConfigurationStore store = mock(ConfigurationStore.class);

  private final PypiGroupRequestConverter converter = new PypiGroupRequestConverter()
  {
    {
      configurationStore = store;
    }
  };

  private Configuration convert(final String json) throws Exception {
    when(store.newConfiguration()).thenReturn(new SimpleConfiguration());
    return converter.convert(new ObjectMapper().readValue(json, PypiGroupRepositoryApiRequest.class));
  }

  @Test
  void sonatypesGroupShapeMakesAGuardedPypiGroup() throws Exception {
    Configuration configuration = convert("{" + SONATYPE_SHAPE + "}");

    assertEquals("pypi-group", configuration.getRecipeName());
    assertEquals("pypi-all", configuration.getRepositoryName());
    assertEquals(List.of("pypi-internal", "pypi-org"), configuration.attributes("group").get("memberNames"));
    assertEquals(true, configuration.attributes("pypi").get("dependencyConfusionGuard"));
  }

  @Test
  void aPypiSectionWithoutTheGuardLeavesItOn() throws Exception {
    Configuration configuration = convert("{" + SONATYPE_SHAPE + ", \"pypi\": {}}");

    assertEquals(true, configuration.attributes("pypi").get("dependencyConfusionGuard"));
  }

  @Test
  void theGuardIsSwitchedOffOnlyWhenTheRequestSaysSo() throws Exception {
    Configuration configuration = convert("{" + SONATYPE_SHAPE + ", \"pypi\": {\"dependencyConfusionGuard\": false}}");

    assertEquals(false, configuration.attributes("pypi").get("dependencyConfusionGuard"));
  }
}
