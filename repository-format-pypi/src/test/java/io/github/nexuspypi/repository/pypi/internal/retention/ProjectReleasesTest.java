package io.github.nexuspypi.repository.pypi.internal.retention;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.nexuspypi.core.retention.StoredRelease;
import io.github.nexuspypi.core.version.Version;
import io.github.nexuspypi.repository.pypi.PypiContentFacet;
import io.github.nexuspypi.repository.pypi.internal.PypiAttributes;

import org.sonatype.nexus.repository.content.fluent.FluentAsset;
import org.sonatype.nexus.repository.content.fluent.FluentComponent;
import org.sonatype.nexus.repository.content.fluent.FluentComponentBuilder;
import org.sonatype.nexus.repository.content.fluent.FluentComponents;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.nexuspypi.repository.pypi.internal.StoredAssets.distribution;
import static io.github.nexuspypi.repository.pypi.internal.StoredAssets.metadata;
import static io.github.nexuspypi.repository.pypi.internal.StoredAssets.pypi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ProjectReleasesTest
{
  private static final Instant MONDAY = Instant.parse("2026-11-30T10:00:00Z");

  private static final Instant TUESDAY = MONDAY.plusSeconds(86400);

  private static final Instant WEDNESDAY = TUESDAY.plusSeconds(86400);

  private final PypiContentFacet content = mock(PypiContentFacet.class);

  private final FluentComponents components = mock(FluentComponents.class);

  private final FluentComponentBuilder byName = mock(FluentComponentBuilder.class);

  private final List<FluentAsset> assets = new ArrayList<>();

  private final ProjectReleases releases = new ProjectReleases(content, "demo");

  @BeforeEach
  void setUp() {
    when(content.projectAssets("demo")).thenAnswer(call -> assets.stream());
    when(content.components()).thenReturn(components);
    when(components.name("demo")).thenReturn(byName);
  }

  /** A file of {@code version}, uploaded and last downloaded when given, its metadata file beside it. */
  private FluentAsset file(final String version, final String filename, final String uploaded,
                           final Instant downloaded)
  {
    String path = "/packages/demo/" + version + "/" + filename;
    FluentAsset file = distribution(path);
    pypi(file).put(PypiAttributes.P_UPLOAD_TIME, uploaded);
    doReturn(Optional.ofNullable(downloaded).map(when -> OffsetDateTime.ofInstant(when, ZoneOffset.UTC)))
        .when(file).lastDownloaded();
    doReturn(OffsetDateTime.ofInstant(MONDAY.minusSeconds(3600), ZoneOffset.UTC)).when(file).created();
    assets.add(file);
    assets.add(metadata(path));
    return file;
  }

  private static StoredRelease release(final String version, final Instant uploaded, final Instant downloaded) {
    return new StoredRelease(version(version), uploaded, Optional.ofNullable(downloaded));
  }

  @Test
  void aReleaseIsAsNewAsItsNewestFileAndAsUsedAsItsLastDownloadedOne() {
    file("1.0", "demo-1.0.tar.gz", MONDAY.toString(), TUESDAY);
    file("1.0", "demo-1.0-py3-none-any.whl", WEDNESDAY.toString(), MONDAY);
    file("2.0", "demo-2.0.tar.gz", TUESDAY.toString(), null);

    assertEquals(Map.of(release("1.0", WEDNESDAY, TUESDAY), "1.0", release("2.0", TUESDAY, null), "2.0"),
        releases.stored());
  }

  @Test
  void aFileWithoutAReadableUploadTimeCountsFromItsCreation() {
    file("1.0", "demo-1.0.tar.gz", "last tuesday", null);

    assertEquals(Map.of(release("1.0", MONDAY.minusSeconds(3600), null), "1.0"), releases.stored());
  }

  @Test
  void aVersionPep440DoesNotParseIsLeftOutSoItIsNeverDeleted() {
    file("1.0", "demo-1.0.tar.gz", MONDAY.toString(), null);
    file("nightly", "demo-nightly.tar.gz", MONDAY.toString(), null);

    assertEquals(List.of("1.0"), new ArrayList<>(releases.stored().values()));
  }

  @Test
  void aReleaseIsFoundByPep440EqualityUnderTheSpellingItWasStoredWith() {
    FluentComponent stored = component("1.0.0");
    when(content.releaseVersion(eq("demo"), any())).thenAnswer(call ->
        call.<Version>getArgument(1).equals(version("1.0.0")) ? Optional.of("1.0.0") : Optional.empty());

    assertSame(stored, releases.find(version("1.0")).orElseThrow());
    assertTrue(releases.find(version("2.0")).isEmpty());
  }

  @Test
  void allIsEveryStoredVersionsComponent() {
    FluentComponent first = component("1.0");
    FluentComponent second = component("2.0");
    when(components.versions("", "demo")).thenReturn(List.of("1.0", "2.0"));

    assertEquals(List.of(first, second), releases.all());
  }

  private static Version version(final String text) {
    return Version.tryParse(text).orElseThrow();
  }

  private FluentComponent component(final String version) {
    FluentComponent component = mock(FluentComponent.class);
    FluentComponentBuilder byVersion = mock(FluentComponentBuilder.class);
    when(byName.version(version)).thenReturn(byVersion);
    when(byVersion.find()).thenReturn(Optional.of(component));
    return component;
  }
}
