package io.github.nexuspypi.core.index;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class UploadTimeTest
{
  // PEP 700: yyyy-mm-ddThh:mm:ss.ffffffZ, UTC.
  @ParameterizedTest
  @CsvSource({
      "2024-05-20T15:50:28.123456Z, 2024-05-20T15:50:28.123456Z",
      "2024-05-20T15:50:28.123456789Z, 2024-05-20T15:50:28.123456Z",
      "2011-02-14T21:45:18Z, 2011-02-14T21:45:18.000000Z"
  })
  void formatsWithMicroseconds(final String time, final String expected) {
    assertEquals(expected, UploadTime.format(Instant.parse(time)));
  }

  @ParameterizedTest
  @CsvSource({
      "2024-05-20T15:50:28.123456Z, 2024-05-20T15:50:28.123456Z",
      "2024-05-20T15:50:28Z, 2024-05-20T15:50:28Z",
      "2024-05-20T15:50:28.1Z, 2024-05-20T15:50:28.100Z",
      "2024-05-20T17:50:28+02:00, 2024-05-20T15:50:28Z",
      "2024-05-20T15:50:28, 2024-05-20T15:50:28Z",
      "' 2024-05-20T15:50:28.5Z ', 2024-05-20T15:50:28.500Z"
  })
  void readsPep700AndLenientForms(final String text, final String expected) {
    assertEquals(Instant.parse(expected), UploadTime.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yesterday", "2024-05-20", "2024-13-01T00:00:00Z"})
  void givesNothingForWhatIsNoTimestamp(final String text) {
    assertNull(UploadTime.parse(text));
  }

  @Test
  void givesNothingForNothing() {
    assertNull(UploadTime.parse(null));
  }
}
