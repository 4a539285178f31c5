package io.github.nexuspypi.repository.pypi.internal.recipe;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.hash.FileDigests;
import io.github.nexuspypi.core.index.Yank;
import io.github.nexuspypi.core.metadata.CoreMetadata;
import io.github.nexuspypi.core.metadata.InspectedDistribution;
import io.github.nexuspypi.core.version.Version;
import io.github.nexuspypi.repository.pypi.PreparedDistribution;
import io.github.nexuspypi.repository.pypi.SourceDetails;

import org.junit.jupiter.api.Test;

import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_BLAKE2B_256;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_FILENAME;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_MD5;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_NAME;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_PACKAGE_TYPE;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_PYTHON_VERSION;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_REQUIRES_PYTHON;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_SHA256;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_SIZE;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_SUMMARY;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_UPLOAD_TIME;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_VERSION;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_YANKED;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_YANKED_REASON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ReleaseAttributesTest
{
  private static final Instant ARRIVED = Instant.parse("2026-03-04T05:06:07Z");

  private static PreparedDistribution wheel(final String metadata) throws Exception {
    DistributionFilename filename = DistributionFilename.parse("Demo_Pkg-1.0-py3-none-any.whl");
    byte[] bytes = metadata.getBytes(StandardCharsets.UTF_8);
    return new PreparedDistribution(filename, Version.parse("1.0"),
        new InspectedDistribution(CoreMetadata.parse(bytes), bytes), "py3",
        new FileDigests("md5-hex", "sha256-hex", "blake2b-hex", "sha1-hex"), 4321, Path.of("unused"));
  }

  @Test
  void aReleaseIsDescribedByItsMetadataAndOnlyWhatItGives() throws Exception {
    Map<String, Object> full = ReleaseAttributes.of(wheel("Metadata-Version: 2.1\nName: Demo.Pkg\nVersion: 1.0\n"
        + "Summary: A demo\nRequires-Python: >=3.8\n"));
    Map<String, Object> bare = ReleaseAttributes.of(wheel("Metadata-Version: 2.1\nName: Demo.Pkg\nVersion: 1.0\n"));

    assertEquals(Map.of(P_NAME, "Demo.Pkg", P_VERSION, "1.0", P_SUMMARY, "A demo", P_REQUIRES_PYTHON, ">=3.8"), full);
    assertEquals(Map.of(P_NAME, "Demo.Pkg", P_VERSION, "1.0"), bare);
  }

  @Test
  void anUploadedFileIsDescribedByItsFormItsDigestsAndWhenItArrived() throws Exception {
    Map<String, Object> file = ReleaseAttributes.ofFile(
        wheel("Metadata-Version: 2.1\nName: Demo.Pkg\nVersion: 1.0\n"), ARRIVED);

    assertEquals("Demo_Pkg-1.0-py3-none-any.whl", file.get(P_FILENAME));
    assertEquals("bdist_wheel", file.get(P_PACKAGE_TYPE));
    assertEquals("py3", file.get(P_PYTHON_VERSION));
    assertEquals("sha256-hex", file.get(P_SHA256));
    assertEquals("md5-hex", file.get(P_MD5));
    assertEquals("blake2b-hex", file.get(P_BLAKE2B_256));
    assertEquals(4321L, file.get(P_SIZE));
    assertEquals("2026-03-04T05:06:07Z", file.get(P_UPLOAD_TIME));
    assertEquals(false, file.get(P_YANKED));
    assertFalse(file.containsKey(P_YANKED_REASON));
  }

  @Test
  void anImportedFileKeepsWhatItsSourceIndexSaid() throws Exception {
    PreparedDistribution imported = wheel("Metadata-Version: 2.1\nName: Demo.Pkg\nVersion: 1.0\n"
        + "Requires-Python: >=3.6\n").from(new SourceDetails(Instant.parse("2020-01-01T00:00:00Z"),
        new Yank("broken build"), ">=3.8"));

    Map<String, Object> file = ReleaseAttributes.ofFile(imported, ARRIVED);

    assertEquals("2020-01-01T00:00:00Z", file.get(P_UPLOAD_TIME));
    assertEquals(true, file.get(P_YANKED));
    assertEquals("broken build", file.get(P_YANKED_REASON));
    assertEquals(">=3.8", file.get(P_REQUIRES_PYTHON), "the index's, over the metadata's");
  }

  @Test
  void aYankWithoutReasonStoresNoReason() throws Exception {
    PreparedDistribution imported = wheel("Metadata-Version: 2.1\nName: Demo.Pkg\nVersion: 1.0\n")
        .from(new SourceDetails(null, Yank.WITHOUT_REASON, null));

    Map<String, Object> file = ReleaseAttributes.ofFile(imported, ARRIVED);

    assertEquals(true, file.get(P_YANKED));
    assertFalse(file.containsKey(P_YANKED_REASON));
  }
}
