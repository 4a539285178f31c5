package io.github.nexuspypi.core.upload;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreparedUploadTest
{
  @TempDir
  Path dir;

  @Test
  void aWheelBecomesTwinesFormFieldsWhichTheServersRulesAccept() throws Exception {
    Path wheel = wheel("Demo.Pkg", "1.0", "demo_pkg-1.0-py3-none-any.whl", "Summary: demo\n"
        + "Description-Content-Type: text/markdown\nClassifier: A :: B\nClassifier: C :: D\n"
        + "Requires-Dist: requests>=2\nRequires-Python: >=3.8\nProject-URL: Home, https://example.org\n");

    PreparedUpload prepared = PreparedUpload.prepare(wheel);

    Map<String, List<String>> fields = prepared.fields().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    assertEquals(List.of("file_upload"), fields.get(":action"));
    assertEquals(List.of("1"), fields.get("protocol_version"));
    assertEquals(List.of("bdist_wheel"), fields.get("filetype"));
    assertEquals(List.of("py3"), fields.get("pyversion"));
    assertEquals(List.of("Demo.Pkg"), fields.get("name"));
    assertEquals(List.of("2.1"), fields.get("metadata_version"));
    assertEquals(List.of("A :: B", "C :: D"), fields.get("classifiers"));
    assertEquals(List.of("requests>=2"), fields.get("requires_dist"));
    assertEquals(List.of(">=3.8"), fields.get("requires_python"));
    assertEquals(List.of("Home, https://example.org"), fields.get("project_urls"));
    assertEquals(List.of("text/markdown"), fields.get("description_content_type"));
    assertEquals(List.of("The long description.\n"), fields.get("description"));
    assertEquals(64, fields.get("sha256_digest").get(0).length());
    assertEquals(64, fields.get("blake2_256_digest").get(0).length());
    assertEquals(null, fields.get("md5_digest"), "no md5: FIPS systems have none");
    assertEquals(List.of(), prepared.warnings());
    assertEquals(Files.size(wheel), prepared.size());
  }

  @Test
  void whatTwineCheckWarnsOfIsAWarning() throws Exception {
    PreparedUpload prepared = PreparedUpload.prepare(wheel("demo", "1.0", "demo-1.0-py3-none-any.whl", ""));

    assertEquals(1, prepared.warnings().size(), prepared.warnings()::toString);
    assertTrue(prepared.warnings().get(0).contains("long_description_content_type"));
  }

  @Test
  void aFileThatWouldBeRefusedIsRefusedBeforeItIsSentNamingIt() throws Exception {
    Path otherVersion = wheel("demo", "2.0", "demo-1.0-py3-none-any.whl", "");
    Path otherProject = wheel("other", "1.0", "demo-1.0-py3-none-any.whl", "");
    Path unrendered = wheel("demo", "1.0", "demo-1.0-py3-none-any.whl", "Description-Content-Type: text/x-asciidoc\n");
    Path notADistribution = Files.writeString(dir.resolve("notes.txt"), "hello");
    Path notAZip = Files.writeString(dir.resolve("broken-1.0-py3-none-any.whl"), "hello");

    for (Path bad : List.of(otherVersion, otherProject, unrendered, notADistribution, notAZip)) {
      UploadRejectedException refused = assertThrows(UploadRejectedException.class, () -> PreparedUpload.prepare(bad),
          bad::toString);
      assertTrue(refused.getMessage().startsWith(bad.getFileName() + ": "), refused.getMessage());
    }
  }

  private Path wheel(final String name, final String version, final String filename, final String fields)
      throws IOException
  {
    Path folder = Files.createDirectories(dir.resolve(name + "-" + version + "-" + fields.hashCode()));
    Path wheel = folder.resolve(filename);
    String distInfo = filename.substring(0, filename.indexOf('-', filename.indexOf('-') + 1)) + ".dist-info/";
    try (OutputStream out = Files.newOutputStream(wheel); ZipOutputStream zip = new ZipOutputStream(out)) {
      entry(zip, distInfo + "METADATA", "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n"
          + fields + "\nThe long description.\n");
      entry(zip, distInfo + "WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
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
