package io.github.nexuspypi.jenkins.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Minimal valid wheels for the engine's tests: METADATA, WHEEL and RECORD. */
public final class TestWheels
{
  private TestWheels() {
  }

  public static Path write(final Path dir, final String name, final String version, final String extraMetadata)
      throws IOException
  {
    Files.createDirectories(dir);
    String distribution = name.replace('-', '_');
    Path wheel = dir.resolve(distribution + "-" + version + "-py3-none-any.whl");
    String distInfo = distribution + "-" + version + ".dist-info/";
    try (OutputStream file = Files.newOutputStream(wheel); ZipOutputStream zip = new ZipOutputStream(file)) {
      entry(zip, distribution + "/__init__.py", "__version__ = \"" + version + "\"\n");
      entry(zip, distInfo + "METADATA", "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version
          + "\nSummary: a test wheel\n" + extraMetadata + "\nA description.\n");
      entry(zip, distInfo + "WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
      entry(zip, distInfo + "RECORD", "");
    }
    return wheel;
  }

  private static void entry(final ZipOutputStream zip, final String name, final String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
