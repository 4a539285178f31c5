package io.github.nexuspypi.repository.pypi.internal.hosted;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.nexuspypi.repository.pypi.internal.download.MappedFiles;
import io.github.nexuspypi.repository.pypi.internal.download.SendGate;
import io.github.nexuspypi.core.index.ProjectListEntry;
import io.github.nexuspypi.core.index.ProjectListWriter;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.core.index.SimpleJsonParser;
import io.github.nexuspypi.repository.pypi.PypiContentFacet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.sonatype.nexus.common.app.ApplicationDirectories;
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
import org.sonatype.nexus.repository.content.event.component.ComponentCreatedEvent;
import org.sonatype.nexus.repository.content.event.component.ComponentDeletedEvent;
import org.sonatype.nexus.repository.content.event.component.ComponentEvent;
import org.sonatype.nexus.repository.content.event.component.ComponentPurgedEvent;
import org.sonatype.nexus.repository.content.store.ContentStoreEvent;

import static io.github.nexuspypi.repository.pypi.internal.StoredAssets.distribution;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
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

  @TempDir
  Path temporary;

  private PypiHostedIndexFacet facet;

  private final List<String> builds = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    ApplicationDirectories directories = mock(ApplicationDirectories.class);
    when(directories.getTemporaryDirectory()).thenReturn(temporary.toFile());
    facet = new PypiHostedIndexFacet(directories, new MappedFiles(), new SendGate());
    lenient().when(repository.getName()).thenReturn("pypi-hosted");
    lenient().when(otherRepository.getName()).thenReturn("pypi-other");
    lenient().when(repository.facet(PypiContentFacet.class)).thenReturn(content);
    lenient().doAnswer(call -> {
      builds.add(ROOT);
      ProjectListWriter out = call.getArgument(0);
      out.add(new ProjectListEntry("bar"));
      out.add(new ProjectListEntry("Foo"));
      return null;
    }).when(content).projects(any());
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
    // The event bus calls every subscriber of the facet.
    facet.on(event);
    facet.onRootChange(event);
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
  void aNewFileOutdatesItsProjectOnly() throws Exception {
    // The root lists releases' names: a new release is an event of its own.
    assertEquals(Set.of("foo"), rebuiltAfter(assetEvent(AssetCreatedEvent.class, FOO_WHEEL, repository)));
  }

  @Test
  void aDeletedFileOutdatesItsProjectOnly() throws Exception {
    assertEquals(Set.of("bar"),
        rebuiltAfter(assetEvent(AssetDeletedEvent.class, "/packages/bar/2.0/bar-2.0.tar.gz", repository)));
  }

  @Test
  void aYankOutdatesItsProjectOnly() throws Exception {
    // Yanking changes attributes only, which is an event of its own.
    assertEquals(Set.of("foo"), rebuiltAfter(assetEvent(AssetAttributesEvent.class, FOO_WHEEL, repository)));
  }

  @Test
  void aNewReleaseOutdatesItsProjectAndTheRoot() throws Exception {
    assertEquals(Set.of(ROOT, "foo"), rebuiltAfter(componentEvent(ComponentCreatedEvent.class, "foo")));
  }

  @Test
  void theRootListsTheProjectsAsPublishedInBothFormats() throws Exception {
    String html = read(facet.rootPage(null, SimpleFormat.TEXT_HTML));
    String json = read(facet.rootPage(null, SimpleFormat.JSON_V1));

    assertTrue(html.indexOf(">bar<") > 0 && html.indexOf(">bar<") < html.indexOf(">Foo<"), html);
    assertTrue(json.indexOf("\"bar\"") > 0 && json.indexOf("\"bar\"") < json.indexOf("\"Foo\""), json);
    assertEquals(List.of(), builds);
  }

  @Test
  void theRootsFilesGoWithTheRepository() throws Exception {
    facet.destroy();

    try (Stream<Path> left = Files.list(temporary)) {
      assertEquals(List.of(), left.collect(Collectors.toList()));
    }
  }

  private static String read(final Content page) throws IOException {
    try (InputStream in = page.openInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
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
  void anAssetOutsideAnyProjectOutdatesEveryProjectsPage() throws Exception {
    assertEquals(Set.of("foo", "bar"),
        rebuiltAfter(assetEvent(AssetCreatedEvent.class, "/stray.txt", repository)));
  }

  @Test
  void aDeletedReleaseOutdatesItsProjectAndTheRoot() throws Exception {
    assertEquals(Set.of(ROOT, "bar"), rebuiltAfter(componentEvent(ComponentDeletedEvent.class, "bar")));
  }

  private <E extends ComponentEvent> E componentEvent(final Class<E> type, final String project) {
    E event = event(type, repository);
    Component release = mock(Component.class);
    when(release.name()).thenReturn(project);
    when(event.getComponent()).thenReturn(release);
    return event;
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
