package io.github.nexuspypi.repository.pypi.internal.hosted;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.core.index.SimpleJsonParser;
import io.github.nexuspypi.repository.pypi.PypiContentFacet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.content.Component;
import org.sonatype.nexus.repository.content.fluent.FluentAsset;
import org.sonatype.nexus.repository.content.event.asset.AssetAttributesEvent;
import org.sonatype.nexus.repository.content.event.asset.AssetCreatedEvent;
import org.sonatype.nexus.repository.content.event.asset.AssetDeletedEvent;
import org.sonatype.nexus.repository.content.event.asset.AssetDownloadedEvent;
import org.sonatype.nexus.repository.content.event.asset.AssetEvent;
import org.sonatype.nexus.repository.content.event.asset.AssetPurgedEvent;
import org.sonatype.nexus.repository.content.event.component.ComponentDeletedEvent;
import org.sonatype.nexus.repository.content.event.component.ComponentPurgedEvent;
import org.sonatype.nexus.repository.content.store.ContentStoreEvent;

import static io.github.nexuspypi.repository.pypi.internal.StoredAssets.distribution;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

/**
 * Which pages an event outdates, seen from outside: after the event, which pages are built again from the database
 * when asked for.
 */
@ExtendWith(MockitoExtension.class)
class PypiHostedIndexFacetTest
{
  private static final String ROOT = "root";


  private static final String FOO_WHEEL = "/packages/foo/1.0/foo-1.0-py3-none-any.whl";

  @Mock
  private Repository repository;

  @Mock
  private Repository otherRepository;

  @Mock
  private PypiContentFacet content;

  private final PypiHostedIndexFacet facet = new PypiHostedIndexFacet();

  private final List<String> builds = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    lenient().when(repository.getName()).thenReturn("pypi-hosted");
    lenient().when(otherRepository.getName()).thenReturn("pypi-other");
    lenient().when(repository.facet(PypiContentFacet.class)).thenReturn(content);
    lenient().when(content.projects()).thenAnswer(call -> {
      builds.add(ROOT);
      return new TreeMap<>(Map.of("foo", "Foo", "bar", "bar"));
    });
    lenient().when(content.projectAssets("foo")).thenAnswer(call -> {
      builds.add("foo");
      return Stream.of(distribution(FOO_WHEEL));
    });
    lenient().when(content.projectAssets("bar")).thenAnswer(call -> {
      builds.add("bar");
      return Stream.empty();
    });
    facet.attach(repository);
    askForEveryPage();
    builds.clear();
  }

  private void askForEveryPage() throws Exception {
    facet.rootPage(null, SimpleFormat.TEXT_HTML);
    facet.projectPage(null, "foo", SimpleFormat.TEXT_HTML);
    facet.projectPage(null, "bar", SimpleFormat.TEXT_HTML);
  }

  /** The pages built again after the event, when every page is asked for once more. */
  private Set<String> rebuiltAfter(final ContentStoreEvent event) throws Exception {
    facet.on(event);
    askForEveryPage();
    return new TreeSet<>(builds);
  }

  private <E extends ContentStoreEvent> E event(final Class<E> type, final Repository from) {
    E event = mock(type, withSettings().lenient());
    when(event.getRepository()).thenReturn(Optional.ofNullable(from));
    return event;
  }

  private <E extends AssetEvent> E assetEvent(final Class<E> type, final String path, final Repository from) {
    FluentAsset asset = distribution(path);
    E event = event(type, from);
    when(event.getAsset()).thenReturn(asset);
    return event;
  }

  @Test
  void pagesAreBuiltOnceUntilSomethingChanges() throws Exception {
    askForEveryPage();

    assertEquals(List.of(), builds);
  }

  @Test
  void aNewFileOutdatesItsProjectAndTheRoot() throws Exception {
    assertEquals(Set.of(ROOT, "foo"), rebuiltAfter(assetEvent(AssetCreatedEvent.class, FOO_WHEEL, repository)));
  }

  @Test
  void aDeletedFileOutdatesItsProjectAndTheRoot() throws Exception {
    assertEquals(Set.of(ROOT, "bar"),
        rebuiltAfter(assetEvent(AssetDeletedEvent.class, "/packages/bar/2.0/bar-2.0.tar.gz", repository)));
  }

  @Test
  void aYankOutdatesItsProject() throws Exception {
    // Yanking changes attributes only, which is an event of its own.
    assertEquals(Set.of(ROOT, "foo"), rebuiltAfter(assetEvent(AssetAttributesEvent.class, FOO_WHEEL, repository)));
  }

  @Test
  void aDownloadOutdatesNothing() throws Exception {
    assertEquals(Set.of(), rebuiltAfter(assetEvent(AssetDownloadedEvent.class, FOO_WHEEL, repository)));
  }

  @Test
  void anotherRepositorysChangeOutdatesNothing() throws Exception {
    assertEquals(Set.of(), rebuiltAfter(assetEvent(AssetCreatedEvent.class, FOO_WHEEL, otherRepository)));
  }

  @Test
  void aChangeWhoseRepositoryIsGoneOutdatesNothing() throws Exception {
    assertEquals(Set.of(), rebuiltAfter(assetEvent(AssetCreatedEvent.class, FOO_WHEEL, null)));
  }

  @Test
  void anAssetOutsideAnyProjectOutdatesEverything() throws Exception {
    assertEquals(Set.of(ROOT, "foo", "bar"),
        rebuiltAfter(assetEvent(AssetCreatedEvent.class, "/stray.txt", repository)));
  }

  @Test
  void aDeletedReleaseOutdatesItsProjectAndTheRoot() throws Exception {
    ComponentDeletedEvent event = event(ComponentDeletedEvent.class, repository);
    Component release = mock(Component.class);
    when(release.name()).thenReturn("bar");
    when(event.getComponent()).thenReturn(release);

    assertEquals(Set.of(ROOT, "bar"), rebuiltAfter(event));
  }

  @Test
  void aPurgeOutdatesEverything() throws Exception {
    // A purge names database ids only, which would cost a query each to map back to projects.
    assertEquals(Set.of(ROOT, "foo", "bar"), rebuiltAfter(event(ComponentPurgedEvent.class, repository)));
    builds.clear();
    assertEquals(Set.of(ROOT, "foo", "bar"), rebuiltAfter(event(AssetPurgedEvent.class, repository)));
  }

  @Test
  void aProjectPageListsItsStoredFiles() throws Exception {
    Content rendered = facet.projectPage(null, "foo", SimpleFormat.JSON_V1).orElseThrow();

    ProjectPage page = SimpleJsonParser.parseProject(rendered.openInputStream(),
        URI.create("http://localhost/repository/pypi-hosted/simple/foo/"));
    assertEquals("foo", page.name());
    assertEquals("http://localhost/repository/pypi-hosted" + FOO_WHEEL, page.files().get(0).url());
    assertEquals(Set.of("1.0"), page.versions());
  }

  @Test
  void aProjectWithoutFilesHasNoPage() throws Exception {
    assertEquals(Optional.empty(), facet.projectPage(null, "bar", SimpleFormat.JSON_V1));
  }
}
