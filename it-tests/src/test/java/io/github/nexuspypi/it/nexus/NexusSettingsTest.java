package io.github.nexuspypi.it.nexus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class NexusSettingsTest
{
  @Test
  void withTheRequestLogNexusKeepsItsOwnJettyFiles() {
    NexusSettings settings = new NexusSettings("127.0.0.1", 8081, "512m", "1500m", false, true, true);

    assertFalse(settings.properties().containsKey("nexus-args"));
  }

  @Test
  void withoutTheRequestLogJettyIsStartedWithoutItsFile() {
    NexusSettings settings = new NexusSettings("127.0.0.1", 8081, "512m", "1500m", false, true, false);

    assertEquals("${jetty.etc}/jetty.xml,${jetty.etc}/jetty-http.xml", settings.properties().get("nexus-args"));
  }

  @Test
  void aDevelopersNexusLogsRequestsAsNexusShipsIt() {
    assertFalse(NexusSettings.forDevelopment(8081).properties().containsKey("nexus-args"));
  }
}
