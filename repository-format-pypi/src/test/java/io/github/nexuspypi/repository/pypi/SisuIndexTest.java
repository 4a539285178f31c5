package io.github.nexuspypi.repository.pypi;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nexus 3.71's Sisu reads each indexed component's class file with an ASM that refuses class versions above Java 14
 * and then skips the component silently: the plugin would start with no recipe, no REST resource, nothing.
 */
class SisuIndexTest
{
  private static final int JAVA_14 = 58;

  @Test
  void everyIndexedComponentIsReadableBySisu() throws IOException {
    List<String> components = components();
    assertFalse(components.isEmpty(), "the Sisu index lists our components");
    for (String component : components) {
      int major = classVersion(component);
      assertTrue(major <= JAVA_14, component + " has class version " + major + "; Sisu reads at most " + JAVA_14);
    }
  }

  @Test
  void theRecipeAndTheRestResourceAreIndexed() throws IOException {
    List<String> components = components();
    assertTrue(components.contains("io.github.nexuspypi.repository.pypi.internal.recipe.PypiHostedRecipe"));
    assertTrue(components.contains("io.github.nexuspypi.repository.pypi.rest.PypiHostedRepositoriesApiResource"));
  }

  private static List<String> components() throws IOException {
    try (InputStream index = SisuIndexTest.class.getResourceAsStream("/META-INF/sisu/javax.inject.Named")) {
      assertNotNull(index, "META-INF/sisu/javax.inject.Named is generated before tests run");
      return new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
          .filter(line -> !line.isEmpty()).collect(java.util.stream.Collectors.toList());
    }
  }

  private static int classVersion(final String className) throws IOException {
    try (DataInputStream in = new DataInputStream(
        SisuIndexTest.class.getResourceAsStream("/" + className.replace('.', '/') + ".class"))) {
      in.readInt(); // magic
      in.readUnsignedShort(); // minor
      return in.readUnsignedShort();
    }
  }
}
