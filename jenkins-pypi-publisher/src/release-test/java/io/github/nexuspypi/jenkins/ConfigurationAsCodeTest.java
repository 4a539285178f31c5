package io.github.nexuspypi.jenkins;

import java.util.List;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toStringFromYamlFile;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The global servers through Configuration as Code, in a real Jenkins: {@code unclassified: pypiPublisher:} is
 * imported, and exported back to the same settings. Runs in the release build only (pom.xml).
 */
class ConfigurationAsCodeTest
{
  @Test
  @WithJenkinsConfiguredWithCode
  @ConfiguredWithCode("configuration-as-code.yml")
  void theServersAreImportedAndExportedUnchanged(final JenkinsConfiguredWithCodeRule j) throws Exception {
    List<PypiServer> servers = PypiPublisherConfiguration.get().getServers();

    assertEquals(2, servers.size());
    assertEquals("nexus", servers.get(0).getId());
    assertEquals("https://nexus.example/repository/pypi-hosted/", servers.get(0).getRepositoryUrl());
    assertEquals("nexus-deployer", servers.get(0).getCredentialsId());
    assertEquals("pypi", servers.get(1).getId());
    assertEquals("https://upload.pypi.org/legacy/", servers.get(1).getRepositoryUrl());
    assertNull(servers.get(1).getCredentialsId());

    CNode exported = getUnclassifiedRoot(new ConfigurationContext(ConfiguratorRegistry.get())).get("pypiPublisher");
    // Compared as YAML data: the export's quoting and key order are JCasC's business, not the plugin's.
    Yaml yaml = new Yaml();
    Object expected = yaml.load(toStringFromYamlFile(this, "configuration-as-code-export.yml"));
    Object actual = yaml.load(toYamlString(exported));
    assertEquals(expected, actual);
  }
}
