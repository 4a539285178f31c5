package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WheelMetadataReaderTest
{
  private static final String WHEEL = "demo-1.0-py3-none-any.whl";

  private static final byte[] METADATA = "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nSummary: A demo\n"
      .getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path temporary;

  @Test
  void readsTheMetadataFileOutOfTheWheelAsItIs() throws IOException {
    byte[] wheel = zip(Map.of("demo-1.0.dist-info/METADATA", METADATA, "demo-1.0.dist-info/WHEEL", bytes("W"),
        "demo-1.0.dist-info/RECORD", bytes(""), "demo/__init__.py", bytes("")));

    assertArrayEquals(METADATA, reader().read(new ByteArrayInputStream(wheel), WHEEL));
  }

  @Test
  void aWheelWithoutItsMetadataIsAnIoFailureNamingTheFile() {
    byte[] wheel = zip(Map.of("demo/__init__.py", bytes("")));

    IOException failure = assertThrows(IOException.class, () -> reader().read(new ByteArrayInputStream(wheel), WHEEL));

    assertTrue(failure.getMessage().startsWith("Cannot read the METADATA of " + WHEEL + ": "), failure.getMessage());
  }

  @Test
  void bytesThatAreNoZipAreAnIoFailure() {
    assertThrows(IOException.class, () -> reader().read(new ByteArrayInputStream(bytes("not a zip")), WHEEL));
  }

  @Test
  void aNameThatIsNoWheelsIsAnIoFailure() {
    byte[] wheel = zip(Map.of("demo-1.0.dist-info/METADATA", METADATA));

    assertThrows(IOException.class, () -> reader().read(new ByteArrayInputStream(wheel), "demo.whl"));
  }

  @Test
  void theCopyOfTheWheelIsDeletedWhetherItWasReadOrNot() throws IOException {
    byte[] wheel = zip(Map.of("demo-1.0.dist-info/METADATA", METADATA, "demo-1.0.dist-info/WHEEL", bytes("W"),
        "demo-1.0.dist-info/RECORD", bytes("")));
    reader().read(new ByteArrayInputStream(wheel), WHEEL);
    assertThrows(IOException.class, () -> reader().read(new ByteArrayInputStream(bytes("not a zip")), WHEEL));

    try (Stream<Path> left = Files.list(temporary)) {
      assertEquals(0, left.count());
    }
  }

  private WheelMetadataReader reader() {
    return new WheelMetadataReader(temporary);
  }

  private static byte[] bytes(final String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] zip(final Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }
}
