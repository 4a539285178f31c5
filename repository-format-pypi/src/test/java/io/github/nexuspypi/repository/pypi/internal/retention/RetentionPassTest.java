package io.github.nexuspypi.repository.pypi.internal.retention;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.github.nexuspypi.core.index.ProjectListEntry;
import io.github.nexuspypi.core.index.ProjectListWriter;
import io.github.nexuspypi.core.version.Version;
import io.github.nexuspypi.repository.pypi.PypiContentFacet;
import io.github.nexuspypi.repository.pypi.internal.PypiAttributes;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.content.fluent.FluentAsset;
import org.sonatype.nexus.repository.content.fluent.FluentComponent;
import org.sonatype.nexus.repository.content.fluent.FluentComponentBuilder;
import org.sonatype.nexus.repository.content.fluent.FluentComponents;

import static io.github.nexuspypi.repository.pypi.internal.StoredAssets.distribution;
import static io.github.nexuspypi.repository.pypi.internal.StoredAssets.metadata;
import static io.github.nexuspypi.repository.pypi.internal.StoredAssets.pypi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class RetentionPassTest
{
  private static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");

  @Mock
  private Repository repository;

  @Mock
  private PypiContentFacet content;

  @Mock
  private FluentComponents components;

  private final Map<String, List<FluentAsset>> assets = new HashMap<>();

  private final Map<String, FluentComponent> releases = new HashMap<>();

  private final List<String> deleted = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    when(repository.getName()).thenReturn("pypi-hosted");
    when(repository.facet(PypiContentFacet.class)).thenReturn(content);
    when(content.components()).thenReturn(components);
    doAnswer(call -> {
      ProjectListWriter out = call.getArgument(0);
      for (String project : new TreeSet<>(assets.keySet())) {
        out.add(new ProjectListEntry(project));
      }
      return null;
    }).when(content).projects(any());
    when(content.projectAssets(any())).thenAnswer(call -> assets.getOrDefault(call.<String>getArgument(0), List.of())
        .stream());
    when(content.releaseVersion(any(), any())).thenAnswer(call -> releases.keySet().stream()
        .filter(key -> key.startsWith(call.getArgument(0) + " "))
        .map(key -> key.substring(key.indexOf(' ') + 1))
        .filter(version -> Version.tryParse(version).filter(call.getArgument(1)::equals).isPresent())
        .findFirst());
  }

  /** A release of one wheel, uploaded at {@code uploaded}, with its metadata file beside it. */
  private FluentAsset release(final String project, final String version, final Instant uploaded) {
    String path = "/packages/" + project + "/" + version + "/" + project + "-" + version + "-py3-none-any.whl";
    FluentAsset wheel = distribution(path);
    pypi(wheel).put(PypiAttributes.P_UPLOAD_TIME, uploaded.toString());
    doReturn(Optional.empty()).when(wheel).lastDownloaded();
    assets.computeIfAbsent(project, key -> new ArrayList<>()).addAll(List.of(wheel, metadata(path)));
    FluentComponent component = mock(FluentComponent.class);
    when(component.toString()).thenReturn(project + " " + version);
    releases.put(project + " " + version, component);
    FluentComponentBuilder byName = mock(FluentComponentBuilder.class);
    when(components.name(project)).thenReturn(byName);
    when(byName.version(any())).thenAnswer(call -> {
      FluentComponent found = releases.get(project + " " + call.getArgument(0));
      FluentComponentBuilder builder = mock(FluentComponentBuilder.class);
      when(builder.find()).thenReturn(Optional.ofNullable(found));
      return builder;
    });
    return wheel;
  }

  private RetentionReport run(final RetentionOptions options) {
    return new RetentionPass(Clock.fixed(NOW, ZoneOffset.UTC),
        (repo, release) -> deleted.add(release.toString())).run(repository, options, line -> { });
  }

  private static RetentionOptions options(final int keep, final int days, final String pattern,
                                          final boolean dryRun)
  {
    return RetentionOptions.of(keep, days, false, Optional.ofNullable(pattern), dryRun);
  }

  private static List<String> entries(final List<RetentionReport.Entry> entries) {
    return entries.stream().map(entry -> entry.getProject() + " " + entry.getVersion()).sorted()
        .collect(Collectors.toList());
  }

  @Test
  void deletesTheReleasesThePlanSelectsThroughTheDeletion() {
    Instant old = NOW.minusSeconds(86400L * 100);
    release("demo", "1.0", old);
    release("demo", "2.0", old);
    release("demo", "3.0rc1", old);
    release("demo", "2.0b1", old);

    RetentionReport report = run(options(1, 30, null, false));

    assertEquals(List.of("demo 1.0", "demo 2.0b1"), deleted.stream().sorted().collect(Collectors.toList()));
    assertEquals(List.of("demo 1.0", "demo 2.0b1"), entries(report.getDeleted()));
    assertEquals(2, report.getReleasesKept());
    assertEquals(1, report.getProjects());
    assertEquals(NOW.toString(), report.getFinished());
  }

  @Test
  void aDryRunDeletesNothingAndReportsTheSame() {
    release("demo", "1.0", NOW);
    release("demo", "2.0", NOW);

    RetentionReport report = run(options(1, 0, null, true));

    assertTrue(deleted.isEmpty());
    assertTrue(report.isDryRun());
    assertEquals(List.of("demo 1.0"), entries(report.getDeleted()));
    assertTrue(report.summary().startsWith("Dry run: would delete 1 releases"), report.summary());
  }

  @Test
  void theUploadTimeIsTheOnePagesShowNotTheAssetsCreation() {
    // Imported a year ago by its recorded upload time, though stored now: old enough to go after 30 days.
    FluentAsset imported = release("demo", "1.0rc1", NOW.minusSeconds(86400L * 365));
    doReturn(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC)).when(imported).created();
    release("demo", "1.0", NOW);

    run(options(1, 30, null, false));

    assertEquals(List.of("demo 1.0rc1"), deleted);
  }

  @Test
  void aDownloadOfAnyFileKeepsTheRelease() {
    FluentAsset downloaded = release("demo", "1.0", NOW.minusSeconds(86400L * 365));
    doReturn(Optional.of(OffsetDateTime.ofInstant(NOW.minusSeconds(3600), ZoneOffset.UTC))).when(downloaded)
        .lastDownloaded();
    release("demo", "2.0", NOW);
    release("demo", "3.0", NOW);

    run(options(1, 1, null, false));

    assertEquals(List.of("demo 2.0"), deleted);
  }

  @Test
  void onlyProjectsThePatternMatchesWhole() {
    release("acme-tool", "1.0", NOW);
    release("acme-tool", "2.0", NOW);
    release("acme-tools-extra", "1.0", NOW);
    release("acme-tools-extra", "2.0", NOW);

    RetentionReport report = run(options(1, 0, "acme-tool", false));

    assertEquals(List.of("acme-tool 1.0"), deleted);
    assertEquals(1, report.getProjects());
  }

  @Test
  void aReleaseThatFailsToDeleteIsReportedAndThePassGoesOn() {
    release("demo", "1.0", NOW);
    release("demo", "2.0", NOW);
    release("other", "1.0", NOW);
    release("other", "2.0", NOW);
    RetentionPass pass = new RetentionPass(Clock.fixed(NOW, ZoneOffset.UTC), (repo, release) -> {
      if (release.toString().startsWith("demo")) {
        throw new IllegalStateException("blob store unavailable");
      }
      deleted.add(release.toString());
    });

    RetentionReport report = pass.run(repository, options(1, 0, null, false), line -> { });

    assertEquals(List.of("other 1.0"), deleted);
    assertEquals(List.of("demo 1.0"), entries(report.getFailed()));
    assertEquals("blob store unavailable", report.getFailed().get(0).getReason());
    assertEquals(List.of("other 1.0"), entries(report.getDeleted()));
  }

  @Test
  void aStoredSpellingIsReportedAsStored() {
    release("demo", "1.0.0", NOW);
    release("demo", "2.0", NOW);

    RetentionReport report = run(options(1, 0, null, false));

    assertEquals(List.of("demo 1.0.0"), entries(report.getDeleted()));
    assertEquals(List.of("demo 1.0.0"), deleted);
  }

  @Test
  void anInvalidPatternIsRefusedWithAReason() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> options(1, 0, "acme-(", false));
    assertTrue(refused.getMessage().startsWith("The project pattern 'acme-(' is no regular expression"),
        refused.getMessage());
  }

}
