package io.github.nexuspypi.core.metadata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.nexuspypi.core.metadata.DistributionInspectorTest.rejection;
import static io.github.nexuspypi.core.metadata.TestArchives.SYMLINK;
import static io.github.nexuspypi.core.metadata.TestArchives.distInfo;
import static io.github.nexuspypi.core.metadata.TestArchives.entries;
import static io.github.nexuspypi.core.metadata.TestArchives.metadata;
import static io.github.nexuspypi.core.metadata.TestArchives.tar;
import static io.github.nexuspypi.core.metadata.TestArchives.zip;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Archives made to hurt the server, or merely broken: each must end in a rejection that says why. */
class HostileArchiveTest
{
  private static final int MIB = 1024 * 1024;

  private static final String WHEEL = "demo-1.0-py3-none-any.whl";

  private static final String METADATA = "demo-1.0.dist-info/METADATA";

  @TempDir
  Path dir;

  private final DistributionInspector defaults = new DistributionInspector();

  private static void assertContains(final String message, final String expected) {
    assertTrue(message.contains(expected), message);
  }

  private Path wheelWithMetadata(final byte[] metadata) throws Exception {
    return zip(dir.resolve(WHEEL), distInfo("demo-1.0.dist-info", metadata));
  }

  private static byte[] random(final int length) {
    byte[] bytes = new byte[length];
    new Random(length).nextBytes(bytes);
    return bytes;
  }

  @Test
  void rejectsAMetadataOfTwentyMebibytesOfZeros() throws Exception {
    Path wheel = wheelWithMetadata(new byte[20 * MIB]);
    assertTrue(Files.size(wheel) < MIB);
    assertContains(rejection(defaults, wheel),
        METADATA + " in '" + WHEEL + "' is larger than the limit of 8388608 bytes");
  }

  @Test
  void rejectsACompressionRatioOfABomb() throws Exception {
    assertContains(rejection(defaults, wheelWithMetadata(new byte[5 * MIB])), "expands to more than 100 times");
  }

  @Test
  void rejectsAHugeDeclaredSizeWithoutReadingIt() throws Exception {
    Path wheel = wheelWithMetadata(metadata("demo", "1.0"));
    TestArchives.declareSize(wheel, METADATA, 0xF000_0000L);
    assertContains(rejection(defaults, wheel), "is larger than the limit of 8388608 bytes");
  }

  @Test
  void stopsReadingAtTheSizeLimitWhenTheDeclaredSizeLies() throws Exception {
    DistributionInspector small = new DistributionInspector(new InspectionLimits(64 * 1024, 100, 100, MIB));
    Path wheel = wheelWithMetadata(random(200 * 1024));
    TestArchives.declareSize(wheel, METADATA, 100);
    assertContains(rejection(small, wheel), "is larger than the limit of 65536 bytes");
  }

  @Test
  void stopsReadingAtTheRatioLimitWhenTheDeclaredSizeLies() throws Exception {
    Path wheel = wheelWithMetadata(new byte[5 * MIB]);
    TestArchives.declareSize(wheel, METADATA, 1000);
    assertContains(rejection(defaults, wheel), "expands to more than 100 times");
  }

  @Test
  void rejectsTooManyEntriesEvenWhenTheCountLies() throws Exception {
    DistributionInspector fewEntries = new DistributionInspector(new InspectionLimits(MIB, 100, 10, MIB));
    Map<String, byte[]> members = distInfo("demo-1.0.dist-info", metadata("demo", "1.0"));
    for (int i = 0; i < 20; i++) {
      members.put("demo/module" + i + ".py", new byte[0]);
    }
    Path wheel = zip(dir.resolve(WHEEL), members);
    assertContains(rejection(fewEntries, wheel), "holds more than 10 entries");
    TestArchives.declareEntries(wheel, 3);
    assertContains(rejection(fewEntries, wheel), "holds more than 10 entries");
  }

  @Test
  void rejectsATruncatedWheel() throws Exception {
    byte[] pip = Files.readAllBytes(Path.of("/usr/share/python-wheels/pip-23.0.1-py3-none-any.whl"));
    Path wheel = Files.write(dir.resolve("pip-23.0.1-py3-none-any.whl"), Arrays.copyOf(pip, pip.length / 2));
    assertContains(rejection(defaults, wheel), "'pip-23.0.1-py3-none-any.whl' is not a readable zip archive");
  }

  @Test
  void rejectsFilesThatAreNoArchiveOfTheirKind() throws Exception {
    Path notZip = Files.writeString(dir.resolve(WHEEL), "<html>Not Found</html>");
    assertContains(rejection(defaults, notZip), "is not a readable zip archive");
    Path notGzip = Files.writeString(dir.resolve("demo-1.0.tar.gz"), "<html>Not Found</html>");
    assertContains(rejection(defaults, notGzip), "'demo-1.0.tar.gz' is not a readable .tar.gz archive");
  }

  @Test
  void rejectsATruncatedSdist() throws Exception {
    Path sdist = tar(dir.resolve("demo-1.0.tar.gz"), entries("demo-1.0/data.bin", random(MIB), "demo-1.0/PKG-INFO",
        metadata("demo", "1.0")));
    byte[] bytes = Files.readAllBytes(sdist);
    Files.write(sdist, Arrays.copyOf(bytes, bytes.length / 2));
    assertContains(rejection(defaults, sdist),
        "'demo-1.0.tar.gz' is not a readable .tar.gz archive (it ends too early");
  }

  @Test
  void rejectsAnSdistWithoutPkgInfo() throws Exception {
    Path sdist = tar(dir.resolve("demo-1.0.tar.gz"), entries("demo-1.0/setup.py", "",
        "demo-1.0/demo.egg-info/PKG-INFO", metadata("demo", "1.0")));
    assertContains(rejection(defaults, sdist), "PKG-INFO not found at demo-1.0/PKG-INFO in 'demo-1.0.tar.gz'");
  }

  @Test
  void rejectsAPkgInfoThatIsALink() throws Exception {
    Path sdist = tar(dir.resolve("demo-1.0.tar.gz"), entries("demo-1.0/PKG-INFO", SYMLINK));
    assertContains(rejection(defaults, sdist), "demo-1.0/PKG-INFO in 'demo-1.0.tar.gz' is not a regular file");
  }

  @Test
  void rejectsSdistsWithMoreThanOneTopLevelDirectory() throws Exception {
    Path tar = tar(dir.resolve("demo-1.0.tar.gz"), entries("demo-1.0/setup.py", "", "other/PKG-INFO", "x"));
    assertContains(rejection(defaults, tar), "Incorrect number of top-level directories in sdist 'demo-1.0.tar.gz': "
        + "found 'demo-1.0' and 'other'");
    Path zip = zip(dir.resolve("demo-1.0.zip"), entries("demo-1.0/PKG-INFO", metadata("demo", "1.0"), "../evil", "x"));
    assertContains(rejection(defaults, zip), "found 'demo-1.0' and '..'");
  }

  @Test
  void stopsScanningATarAtTheLimit() throws Exception {
    DistributionInspector shortScan = new DistributionInspector(new InspectionLimits(MIB, 100, 100, MIB));
    Path sdist = tar(dir.resolve("demo-1.0.tar.gz"), entries("demo-1.0/big.bin", new byte[2 * MIB],
        "demo-1.0/PKG-INFO", metadata("demo", "1.0")));
    assertContains(rejection(shortScan, sdist), "no PKG-INFO in the first 1048576 bytes of 'demo-1.0.tar.gz'");
  }

  @Test
  void rejectsAnOversizedPkgInfo() throws Exception {
    DistributionInspector tiny = new DistributionInspector(new InspectionLimits(1024, 100, 100, MIB));
    Path sdist = tar(dir.resolve("demo-1.0.tar.gz"), entries("demo-1.0/PKG-INFO", random(2048)));
    assertContains(rejection(tiny, sdist), "demo-1.0/PKG-INFO in 'demo-1.0.tar.gz' is larger than the limit of 1024");
  }

  @Test
  void explainsThatXzSdistsCannotBeRead() throws Exception {
    Path sdist = Files.write(dir.resolve("demo-1.0.tar.xz"), random(100));
    assertContains(rejection(defaults, sdist), ".tar.xz archives are not supported");
  }
}
