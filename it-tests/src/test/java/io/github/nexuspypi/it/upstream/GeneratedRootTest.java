package io.github.nexuspypi.it.upstream;

import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.core.index.SimplePages;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GeneratedRootTest
{
  @Test
  void listsEveryGeneratedNameInOrderInBothFormats() throws IOException {
    for (SimpleFormat format : SimpleFormat.values()) {
      List<String> names = names(new GeneratedRoot(1001), format);

      assertEquals(1001, names.size(), format.toString());
      assertEquals("gen0000000", names.get(0));
      assertEquals("gen0001000", names.get(1000));
      assertEquals(names.stream().sorted().toList(), names, "a root lists its projects sorted");
    }
  }

  @Test
  void anEmptyRootIsAValidPageAndANegativeOneIsRefused() throws IOException {
    assertEquals(List.of(), names(new GeneratedRoot(0), SimpleFormat.JSON_V1));
    assertThrows(IllegalArgumentException.class, () -> new GeneratedRoot(-1));
  }

  private static List<String> names(final GeneratedRoot root, final SimpleFormat format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    root.write(format, out);
    List<String> names = new ArrayList<>();
    SimplePages.parseIndex(new ByteArrayInputStream(out.toByteArray()), format.mediaType(),
        entry -> names.add(entry.name()));
    return names;
  }
}
