package io.github.nexuspypi.core.metadata;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.hash.FileDigests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.nexuspypi.core.metadata.TestArchives.distInfo;
import static io.github.nexuspypi.core.metadata.TestArchives.entries;
import static io.github.nexuspypi.core.metadata.TestArchives.metadata;
import static io.github.nexuspypi.core.metadata.TestArchives.tar;
import static io.github.nexuspypi.core.metadata.TestArchives.zip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistributionInspectorTest
{
  @TempDir
  Path dir;

  private final DistributionInspector inspector = new DistributionInspector();

  static InspectedDistribution inspect(final DistributionInspector inspector, final Path file) throws Exception {
    return inspector.inspect(file, DistributionFilename.parse(file.getFileName().toString()));
  }

  static String rejection(final DistributionInspector inspector, final Path file) {
    String message = assertThrows(InvalidDistributionException.class, () -> inspect(inspector, file)).getMessage();
    assertTrue(message.startsWith("Invalid distribution file: "), message);
    return message;
  }

  // Debian's wheels, read in place. Expectations from CPython: sha256 of the METADATA member, the number of each
  // field by email.parser, and the sha256 of the message payload.
  @ParameterizedTest
  @CsvSource({
      "pip-23.0.1-py3-none-any.whl, pip, 23.0.1, The PyPA recommended tool for installing Python packages., 14, 0, "
          + "3ce87cf6eb73f87d5ed0afb10d8f422fd82cfb1d0c8c7f805b16e1246dda6951, "
          + "148649142969c5b0cd0ea6465a3f9fbe67d39cd6088b6c602c5263b33a38526e",
      "setuptools-66.1.1-py3-none-any.whl, setuptools, 66.1.1, "
          + "'Easily download, build, install, upgrade, and uninstall Python packages', 9, 45, "
          + "66d8fa85f0e9052e88d87e914c0578d3a1156efd03b46e23a081fe5c5b4bd886, "
          + "f89fb1b39668a35e4adf796a5730bb52b60b4eba546103df84fb49ec25f7663b",
      "wheel-0.38.4-py3-none-any.whl, wheel, 0.38.4, A built-package format for Python, 11, 1, "
          + "de3e0a81564263b799c8eaf00ca6284ee01c7ebfe05c06f1c75c86851f43b2c0, "
          + "ab5286490104a1bb12c5e1e0690e115ff7e185af7da19fd577f05de65ead5d6a"
  })
  void readsRealWheels(final String wheel, final String name, final String version, final String summary,
                       final int classifiers, final int requirements, final String metadataSha256,
                       final String descriptionSha256) throws Exception
  {
    InspectedDistribution inspected = inspect(inspector, Path.of("/usr/share/python-wheels", wheel));
    assertEquals(metadataSha256, sha256(inspected.metadataFile()));
    CoreMetadata metadata = inspected.metadata();
    assertEquals(name, metadata.name());
    assertEquals(version, metadata.version());
    assertEquals("2.1", metadata.metadataVersion());
    assertEquals(Optional.of(summary), metadata.summary());
    assertEquals(Optional.of(">=3.7"), metadata.requiresPython());
    assertEquals(classifiers, metadata.getAll("Classifier").size());
    assertEquals(requirements, metadata.getAll("Requires-Dist").size());
    assertEquals(descriptionSha256, sha256(TestArchives.utf8(metadata.description().orElseThrow())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo_pkg-1.0.tar.gz", "demo_pkg-1.0.tgz", "demo_pkg-1.0.tar.bz2", "demo_pkg-1.0.tar",
      "demo_pkg-1.0.zip"})
  void readsPkgInfoOfSdists(final String filename) throws Exception {
    byte[] pkgInfo = metadata("demo-pkg", "1.0");
    Map<String, byte[]> members = entries("demo_pkg-1.0/", new byte[0], "demo_pkg-1.0/pyproject.toml", "[project]\n",
        "demo_pkg-1.0/demo_pkg.egg-info/PKG-INFO", metadata("other", "9"), "demo_pkg-1.0/PKG-INFO", pkgInfo);
    Path file = dir.resolve(filename);
    if (filename.endsWith(".zip")) {
      zip(file, members);
    }
    else {
      tar(file, members);
    }
    InspectedDistribution inspected = inspect(inspector, file);
    assertArrayEquals(pkgInfo, inspected.metadataFile());
    assertEquals("demo-pkg", inspected.metadata().name());
    assertEquals(Optional.of("Body\n"), inspected.metadata().description());
  }

  @Test
  void readsPkgInfoBehindDotSlashAndLongPaxNames() throws Exception {
    String deep = "demo-1.0/" + "very_long_directory_name/".repeat(8) + "module.py";
    Path file = tar(dir.resolve("demo-1.0.tar.gz"), entries("./demo-1.0/" + "x".repeat(120), "x", deep, "pass\n",
        "./demo-1.0/PKG-INFO", metadata("demo", "1.0")));
    assertEquals("demo", inspect(inspector, file).metadata().name());
  }

  @Test
  void acceptsADistInfoDirectorySpelledOtherwiseThanTheFileName() throws Exception {
    Path file = zip(dir.resolve("foo_bar-1.0-py3-none-any.whl"), distInfo("Foo.Bar-1.0.0.dist-info",
        metadata("Foo.Bar", "1.0.0")));
    assertEquals("Foo.Bar", inspect(inspector, file).metadata().name());
  }

  @Test
  void ignoresOtherMembersWhateverTheirNames() throws Exception {
    Map<String, byte[]> members = entries("../../etc/passwd", "root", "/abs/path", "x");
    members.putAll(distInfo("demo-1.0.dist-info", metadata("demo", "1.0")));
    Path file = zip(dir.resolve("demo-1.0-py3-none-any.whl"), members);
    assertEquals("1.0", inspect(inspector, file).metadata().version());
  }

  @ParameterizedTest
  @CsvSource({"METADATA, required METADATA file: demo-1.0.dist-info/METADATA",
      "WHEEL, required WHEEL file: demo-1.0.dist-info/WHEEL",
      "RECORD, required RECORD file: demo-1.0.dist-info/RECORD"})
  void requiresTheDistInfoFiles(final String left, final String expected) throws Exception {
    Map<String, byte[]> members = distInfo("demo-1.0.dist-info", metadata("demo", "1.0"));
    members.remove("demo-1.0.dist-info/" + left);
    Path file = zip(dir.resolve("demo-1.0-py3-none-any.whl"), members);
    String message = rejection(inspector, file);
    assertTrue(message.contains("Wheel 'demo-1.0-py3-none-any.whl' does not contain the " + expected), message);
  }

  @Test
  void rejectsTwoDistInfoDirectoriesForTheRelease() throws Exception {
    Map<String, byte[]> members = distInfo("Demo-1.0.dist-info", metadata("demo", "1.0"));
    members.putAll(distInfo("DEMO-1.0.0.dist-info", metadata("demo", "1.0")));
    String message = rejection(inspector, zip(dir.resolve("demo-1.0-py3-none-any.whl"), members));
    assertTrue(message.contains("more than one .dist-info directory"), message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Metadata-Version: 2.1\\nVersion: 1.0\\n|has no Name field",
      "Metadata-Version: 2.1\\nName: demo\\nVersion:\\n|has no Version field"
  })
  void requiresNameAndVersion(final String metadata, final String expected) throws Exception {
    Path file = zip(dir.resolve("demo-1.0-py3-none-any.whl"), distInfo("demo-1.0.dist-info",
        TestArchives.utf8(metadata.replace("\\n", "\n"))));
    String message = rejection(inspector, file);
    assertTrue(message.contains("METADATA of 'demo-1.0-py3-none-any.whl' " + expected), message);
  }

  @Test
  void reportsAMissingFileAsAnIoProblem() {
    assertThrows(NoSuchFileException.class, () -> inspect(inspector, dir.resolve("gone-1.0-py3-none-any.whl")));
  }

  static String sha256(final byte[] bytes) throws Exception {
    return FileDigests.hex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
