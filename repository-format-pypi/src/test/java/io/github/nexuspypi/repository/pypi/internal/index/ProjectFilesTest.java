package io.github.nexuspypi.repository.pypi.internal.index;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.nexuspypi.core.index.CoreMetadataRef;
import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.Yank;

import org.junit.jupiter.api.Test;
import org.sonatype.nexus.repository.content.fluent.FluentAsset;

import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_REQUIRES_PYTHON;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_YANKED;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_YANKED_REASON;
import static io.github.nexuspypi.repository.pypi.internal.StoredAssets.distribution;
import static io.github.nexuspypi.repository.pypi.internal.StoredAssets.metadata;
import static io.github.nexuspypi.repository.pypi.internal.StoredAssets.pypi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectFilesTest
{
  private static final String WHEEL = "/packages/demo/1.0/demo-1.0-py3-none-any.whl";

  private static final String SDIST = "/packages/demo/1.0/demo-1.0.tar.gz";

  private static final String WHEEL_SHA256 = "1111111111111111111111111111111111111111111111111111111111111111";

  private static final String METADATA_SHA256 = "2222222222222222222222222222222222222222222222222222222222222222";

  private static ProjectPage page(final FluentAsset... assets) {
    return ProjectFiles.read("demo", Stream.of(assets)).page().orElseThrow();
  }

  private static DistributionLink only(final FluentAsset... assets) {
    List<DistributionLink> files = page(assets).files();
    assertEquals(1, files.size(), "files: " + files);
    return files.get(0);
  }

  @Test
  void aFileIsListedWithWhatItsAttributesSay() {
    FluentAsset wheel = distribution(WHEEL, WHEEL_SHA256);
    pypi(wheel).put(P_REQUIRES_PYTHON, ">=3.8");

    DistributionLink link = only(wheel);

    assertEquals("demo-1.0-py3-none-any.whl", link.filename());
    assertEquals("../../packages/demo/1.0/demo-1.0-py3-none-any.whl", link.url());
    assertEquals(Map.of("sha256", WHEEL_SHA256), link.hashes());
    assertEquals(">=3.8", link.requiresPython());
    assertEquals(pypi(wheel).get("size"), link.size());
    assertEquals(Instant.parse((String) pypi(wheel).get("upload_time")), link.uploadTime());
    assertNull(link.yank());
  }

  @Test
  void aWheelWithItsMetadataFileOffersTheMetadataHash() {
    // The metadata may come first: the database orders by path, and pages must not depend on it.
    DistributionLink link = only(metadata(WHEEL, METADATA_SHA256), distribution(WHEEL, WHEEL_SHA256));

    assertEquals(CoreMetadataRef.sha256(METADATA_SHA256), link.coreMetadata());
  }

  @Test
  void aWheelWhoseMetadataFileIsGoneOffersNone() {
    assertNull(only(distribution(WHEEL, WHEEL_SHA256)).coreMetadata());
  }

  @Test
  void anSdistOffersNoMetadataEvenWhenStored() {
    assertNull(only(distribution(SDIST, WHEEL_SHA256), metadata(SDIST, METADATA_SHA256)).coreMetadata());
  }

  @Test
  void aYankCarriesItsReason() {
    FluentAsset wheel = distribution(WHEEL, WHEEL_SHA256);
    pypi(wheel).put(P_YANKED, true);
    pypi(wheel).put(P_YANKED_REASON, "broken on Windows");

    assertEquals(new Yank("broken on Windows"), only(wheel).yank());
  }

  @Test
  void aYankWithoutReasonIsStillAYank() {
    FluentAsset wheel = distribution(WHEEL, WHEEL_SHA256);
    pypi(wheel).put(P_YANKED, true);

    assertEquals(Yank.WITHOUT_REASON, only(wheel).yank());
  }

  @Test
  void filesAreSortedByNameAndVersionsReadFromTheirPaths() {
    ProjectPage page = page(
        distribution("/packages/demo/2.0rc1/demo-2.0rc1.tar.gz", WHEEL_SHA256),
        distribution(SDIST, WHEEL_SHA256),
        distribution("/packages/demo/1.0.post1/demo-1.0.post1-py3-none-any.whl", WHEEL_SHA256),
        distribution(WHEEL, WHEEL_SHA256));

    assertEquals(List.of("demo-1.0-py3-none-any.whl", "demo-1.0.post1-py3-none-any.whl", "demo-1.0.tar.gz",
            "demo-2.0rc1.tar.gz"),
        page.files().stream().map(DistributionLink::filename).collect(Collectors.toList()));
    assertEquals(Set.of("1.0", "1.0.post1", "2.0rc1"), page.versions());
    assertEquals("demo", page.name());
  }

  @Test
  void onlyMetadataLeftMeansNoPage() {
    assertTrue(ProjectFiles.read("demo", Stream.of(metadata(WHEEL, METADATA_SHA256))).page().isEmpty());
  }

  @Test
  void noAssetsMeansNoPage() {
    assertTrue(ProjectFiles.read("demo", Stream.empty()).page().isEmpty());
  }

  @Test
  void storedFilesKeepEveryDigestForTheJsonApi() {
    FluentAsset wheel = distribution(WHEEL, WHEEL_SHA256);

    StoredFile file = ProjectFiles.read("demo", Stream.of(wheel)).files().get(0);

    assertEquals(WHEEL, file.path());
    assertEquals("1.0", file.version());
    assertEquals("bdist_wheel", file.packageType());
    assertEquals("py3", file.pythonVersion());
    assertEquals(Map.of("sha256", WHEEL_SHA256, "md5", pypi(wheel).get("md5"),
        "blake2b_256", pypi(wheel).get("blake2b_256")), file.digests());
  }
}
