package io.github.nexuspypi.it.process;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogTailTest
{
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a\\nb\\nc\\n | 2 | b\\nc\\n",
      "a\\nb\\nc   | 2 | b\\nc",
      "a\\nb\\nc\\n | 3 | a\\nb\\nc\\n",
      "a\\nb\\nc\\n | 9 | a\\nb\\nc\\n",
      "a\\nb\\nc\\n | 0 | ''",
      "''         | 2 | ''",
  })
  void lastLinesKeepsTheEndOfTheText(final String text, final int lines, final String expected) {
    assertEquals(unescape(expected), LogTail.lastLines(unescape(text), lines));
  }

  private static String unescape(final String value) {
    return value.replace("\\n", "\n");
  }
}
