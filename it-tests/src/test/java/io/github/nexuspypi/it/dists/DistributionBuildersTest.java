package io.github.nexuspypi.it.dists;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.metadata.DistributionInspector;
import io.github.nexuspypi.core.metadata.InspectedDistribution;
import io.github.nexuspypi.it.process.Command;
import io.github.nexuspypi.it.process.ProcessResult;
import io.github.nexuspypi.it.process.ProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The archives the builders write are what Python's own readers and pypi-core's inspector expect. */
class DistributionBuildersTest
{
  /** Opens a wheel with the wheel project's reader, which checks every entry against RECORD. */
  private static final String READ_WHEEL = String.join("\n",
      "import sys",
      "from wheel.wheelfile import WheelFile",
      "with WheelFile(sys.argv[1]) as wheel:",
      "    for name in wheel.namelist():",
      "        wheel.read(name)",
      "    sys.stdout.write(wheel.read(wheel.dist_info_path + '/METADATA').decode())");

  private static final String READ_SDIST = String.join("\n",
      "import sys, tarfile",
      "with tarfile.open(sys.argv[1]) as sdist:",
      "    print('\\n'.join(sdist.getnames()))");

  @TempDir
  Path dir;

  @Test
  void aWheelPassesItsOwnRecordAndCarriesItsMetadata() throws Exception {
    WheelBuilder builder = WheelBuilder.of("Tiny.Wheel", "1.0.post1");
    builder.metadata().field("Requires-Python", ">=3.7").description("Long *description*\n");
    Path wheel = builder.writeTo(dir);

    ProcessResult read = python(READ_WHEEL, wheel).requireSuccess();
    InspectedDistribution inspected = inspect(wheel);

    assertEquals("tiny_wheel-1.0.post1-py3-none-any.whl", wheel.getFileName().toString());
    assertEquals(new String(builder.metadataBytes(), StandardCharsets.UTF_8), read.output());
    assertArrayEquals(builder.metadataBytes(), inspected.metadataFile());
    assertEquals(">=3.7", inspected.metadata().requiresPython().orElseThrow());
  }

  @Test
  void theSameInputsGiveTheSameBytesAndOneMoreFileOthers() {
    byte[] first = WheelBuilder.of("same", "1").toBytes();

    assertArrayEquals(first, WheelBuilder.of("same", "1").toBytes());
    assertFalse(Arrays.equals(first, WheelBuilder.of("same", "1").file("same/extra.py", "").toBytes()));
    assertArrayEquals(SdistBuilder.of("same", "1").toBytes(), SdistBuilder.of("same", "1").toBytes());
  }

  @Test
  void anSdistIsATarGzOfOneFolderWithPkgInfo() throws Exception {
    SdistBuilder builder = SdistBuilder.of("Tiny-Sdist", "2.0");
    // Longer than ustar's 100-byte name field, so the path must go through the prefix field.
    String deep = "src/" + "deep/".repeat(25) + "module.py";
    builder.file(deep, "x = 1\n");
    Path sdist = builder.writeTo(dir);

    ProcessResult read = python(READ_SDIST, sdist).requireSuccess();

    assertEquals("tiny_sdist-2.0.tar.gz", sdist.getFileName().toString());
    assertEquals(List.of("tiny_sdist-2.0/PKG-INFO", "tiny_sdist-2.0/pyproject.toml",
        "tiny_sdist-2.0/tiny_sdist/__init__.py",
        "tiny_sdist-2.0/" + deep), read.output().lines().toList());
    assertArrayEquals(builder.pkgInfoBytes(), inspect(sdist).metadataFile());
  }

  @Test
  void editsReplaceAndDropGeneratedEntries() throws Exception {
    WheelBuilder builder = WheelBuilder.of("edited", "1.0");
    builder.file(builder.distInfo() + "/METADATA", "Metadata-Version: 2.1\nName: other\nVersion: 9\n");
    Path wheel = builder.writeTo(dir);
    SdistBuilder sdist = SdistBuilder.of("edited", "1.0").omit("PKG-INFO").entry("../escape.txt", new byte[] {1});

    assertEquals("other", inspect(wheel).metadata().name());
    ProcessResult listing = python(READ_SDIST, sdist.writeTo(dir)).requireSuccess();
    assertFalse(listing.output().contains("PKG-INFO"), listing.output());
    assertTrue(listing.output().lines().anyMatch("../escape.txt"::equals), listing.output());
  }

  @Test
  void aLargeWheelIsWrittenFromItsSeedAndPassesItsOwnRecord() throws Exception {
    // More than one generated chunk, and not a whole number of them, nor of the longs they are made of.
    long payload = 2 * 1024 * 1024 + 5;
    Path wheel = LargeWheel.write(dir, "Large.Wheel", "3.0", payload, 7);
    Path again = LargeWheel.write(dir.resolve("again"), "Large.Wheel", "3.0", payload, 7);

    ProcessResult read = python(READ_WHEEL, wheel).requireSuccess();

    assertEquals("large_wheel-3.0-py3-none-any.whl", wheel.getFileName().toString());
    assertEquals(new String(CoreMetadataText.of("Large.Wheel", "3.0").toBytes(), StandardCharsets.UTF_8),
        read.output());
    assertEquals("Large.Wheel", inspect(wheel).metadata().name());
    assertTrue(Files.size(wheel) > payload, () -> "stored, not compressed: " + wheel);
    assertEquals(-1, Files.mismatch(wheel, again));
  }

  private InspectedDistribution inspect(final Path file) throws Exception {
    return new DistributionInspector().inspect(file, DistributionFilename.parse(file.getFileName().toString()));
  }

  private ProcessResult python(final String script, final Path file) {
    Command command = new Command(List.of("/usr/bin/python3", "-c", script, file.toString()), dir,
        Map.of("PATH", "/usr/bin:/bin", "LC_ALL", "C.UTF-8"), Duration.ofSeconds(60));
    return ProcessRunner.run(command, dir.resolve(file.getFileName() + ".log"));
  }
}
