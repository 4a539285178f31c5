package io.github.nexuspypi.jenkins.views;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The plugin's views and help files against its classes and Jenkins core's tag libraries: what would otherwise
 * only show as an empty column, a form that cannot delete or a validation that never runs inside a real Jenkins.
 */
class JellyViewsTest
{
  private static final Path MODULE = Path.of(System.getProperty("basedir", "."));

  @Test
  void everyViewAndHelpFileMatchesItsClassAndCoresTags() throws Exception {
    List<String> problems = new JellyViewCheck(MODULE.resolve("src/main/resources"),
        JenkinsTagLibraries.ofCore(MODULE)).problems();

    assertEquals(List.of(), problems, String.join("\n", problems));
  }
}
