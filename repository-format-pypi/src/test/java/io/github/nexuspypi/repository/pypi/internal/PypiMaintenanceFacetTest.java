package io.github.nexuspypi.repository.pypi.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.content.Asset;
import org.sonatype.nexus.repository.content.Component;
import org.sonatype.nexus.repository.content.facet.ContentFacet;
import org.sonatype.nexus.repository.content.fluent.FluentAsset;
import org.sonatype.nexus.repository.content.fluent.FluentAssetBuilder;
import org.sonatype.nexus.repository.content.fluent.FluentAssets;
import org.sonatype.nexus.repository.content.fluent.FluentComponent;
import org.sonatype.nexus.repository.content.fluent.FluentComponents;

import static io.github.nexuspypi.repository.pypi.internal.StoredAssets.distribution;
import static io.github.nexuspypi.repository.pypi.internal.StoredAssets.metadata;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Deletes against one release held in memory: the fluent API's answers follow what is still stored, so that Nexus's
 * own "delete the release with its last asset" runs as it does on a database.
 */
@ExtendWith(MockitoExtension.class)
class PypiMaintenanceFacetTest
{

  private static final String WHEEL = "/packages/demo/1.0/demo-1.0-py3-none-any.whl";

  private static final String SDIST = "/packages/demo/1.0/demo-1.0.tar.gz";

  @Mock
  private Repository repository;

  @Mock
  private ContentFacet content;

  @Mock
  private FluentAssets assets;

  @Mock
  private FluentComponents components;

  @Mock
  private FluentComponent release;

  private final List<FluentAsset> stored = new ArrayList<>();

  private final PypiMaintenanceFacet facet = new PypiMaintenanceFacet();

  @BeforeEach
  void setUp() throws Exception {
    lenient().when(repository.facet(ContentFacet.class)).thenReturn(content);
    lenient().when(content.assets()).thenReturn(assets);
    lenient().when(content.components()).thenReturn(components);
    lenient().when(assets.path(anyString())).thenAnswer(call -> lookup(call.getArgument(0)));
    lenient().when(assets.with(any(Asset.class))).thenAnswer(call -> call.getArgument(0));
    lenient().when(components.with(any(Component.class))).thenReturn(release);
    lenient().when(release.assets()).thenAnswer(call -> List.copyOf(stored));
    lenient().when(release.delete()).thenReturn(true);
    facet.attach(repository);
  }

  private FluentAssetBuilder lookup(final String path) {
    FluentAssetBuilder builder = mock(FluentAssetBuilder.class);
    Optional<FluentAsset> found = stored.stream().filter(asset -> asset.path().equals(path)).findFirst();
    when(builder.find()).thenReturn(found);
    return builder;
  }

  private FluentAsset store(final FluentAsset asset) {
    doReturn(Optional.of(release)).when(asset).component();
    doAnswer(call -> stored.remove(asset)).when(asset).delete();
    stored.add(asset);
    return asset;
  }

  private Set<String> storedPaths() {
    return stored.stream().map(Asset::path).collect(Collectors.toSet());
  }

  @Test
  void deletingAFileDeletesItsMetadata() {
    FluentAsset wheel = store(distribution(WHEEL));
    store(metadata(WHEEL));
    store(distribution(SDIST));
    store(metadata(SDIST));

    assertEquals(Set.of(WHEEL, WHEEL + ".metadata"), facet.deleteAsset(wheel));

    assertEquals(Set.of(SDIST, SDIST + ".metadata"), storedPaths());
    verify(release, never()).delete();
  }

  @Test
  void deletingMetadataDeletesOnlyIt() {
    store(distribution(WHEEL));
    FluentAsset wheelMetadata = store(metadata(WHEEL));

    assertEquals(Set.of(WHEEL + ".metadata"), facet.deleteAsset(wheelMetadata));

    assertEquals(Set.of(WHEEL), storedPaths());
    verify(release, never()).delete();
  }

  @Test
  void deletingTheLastFileDeletesTheRelease() {
    FluentAsset wheel = store(distribution(WHEEL));
    store(metadata(WHEEL));

    assertEquals(Set.of(WHEEL, WHEEL + ".metadata"), facet.deleteAsset(wheel));

    assertEquals(Set.of(), storedPaths());
    verify(release).delete();
  }

  @Test
  void aFileWithoutMetadataIsDeletedAlone() {
    FluentAsset sdist = store(distribution(SDIST));
    store(distribution(WHEEL));

    assertEquals(Set.of(SDIST), facet.deleteAsset(sdist));

    assertEquals(Set.of(WHEEL), storedPaths());
  }
}
