package io.github.nexuspypi.repository.pypi.internal.store;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AssetPathPrefixTest
{
  @Test
  void aProjectsFolderBecomesAPrefixPattern() {
    assertEquals(Map.of("prefix", "/packages/my-project/%"), AssetPathPrefix.parameters("/packages/my-project/"));
  }

  @Test
  void thePrefixsOwnWildcardsAndEscapesAreEscaped() {
    assertEquals("/packages/a\\_b/1.0\\%\\\\/%", AssetPathPrefix.pattern("/packages/a_b/1.0%\\/"));
  }
}
