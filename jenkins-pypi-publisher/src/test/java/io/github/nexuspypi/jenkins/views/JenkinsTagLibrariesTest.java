package io.github.nexuspypi.jenkins.views;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Core's tag libraries as the view check reads them, from ../shared beside the repository.
 */
class JenkinsTagLibrariesTest
{
  private static final Path MODULE = Path.of(System.getProperty("basedir", "."));

  @Test
  void aTagTakesTheAttributesItDocuments() throws Exception {
    JenkinsTagLibraries core = JenkinsTagLibraries.ofCore(MODULE);

    assertTrue(core.isKnownLibrary("/lib/form"));
    assertEquals(Optional.of(Set.of("title", "field", "description", "class", "help")),
        core.attributes("/lib/form", "entry"));
    assertEquals(Optional.empty(), core.attributes("/lib/form", "noSuchTag"));
  }

  @Test
  void theCredentialsSelectTakesWhatItsPluginDocuments() throws Exception {
    JenkinsTagLibraries libraries = JenkinsTagLibraries.ofCore(MODULE);

    assertTrue(libraries.isKnownLibrary("/lib/credentials"));
    assertTrue(libraries.attributes("/lib/credentials", "select").orElseThrow().contains("checkMethod"));
    assertEquals(Optional.empty(), libraries.attributes("/lib/credentials", "noSuchTag"));
  }

  @Test
  void withoutTheJenkinsSourcesTheCheckSaysWhereItLooked(@TempDir final Path elsewhere) {
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> JenkinsTagLibraries.ofCore(elsewhere.resolve("module")));

    assertTrue(missing.getMessage().contains("../shared/jenkins-sources"), missing.getMessage());
  }
}
