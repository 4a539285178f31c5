package io.github.nexuspypi.repository.pypi.rest;

import java.util.List;
import java.util.Optional;

import io.github.nexuspypi.core.version.Version;
import io.github.nexuspypi.repository.pypi.PypiContentFacet;

import org.apache.shiro.authz.AuthorizationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;
import org.sonatype.nexus.repository.content.fluent.FluentComponent;
import org.sonatype.nexus.repository.content.fluent.FluentComponentBuilder;
import org.sonatype.nexus.repository.content.fluent.FluentComponents;
import org.sonatype.nexus.repository.content.maintenance.MaintenanceService;
import org.sonatype.nexus.rest.WebApplicationMessageException;
import org.sonatype.nexus.selector.VariableSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.nullable;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class PypiReleasesResourceTest
{
  private static final String REPOSITORY = HostedRepositoryMocks.REPOSITORY;

  private final HostedRepositoryMocks mocks = new HostedRepositoryMocks();

  private final VariableSource projectPath = mocks.path("/packages/team-a/");

  @Mock
  private PypiContentFacet content;

  @Mock
  private FluentComponents components;

  @Mock
  private MaintenanceService maintenance;

  private final FluentComponent release100 = mock(FluentComponent.class);

  private final FluentComponent release20 = mock(FluentComponent.class);

  private PypiReleasesResource resource;

  @BeforeEach
  void setUp() {
    resource = new PypiReleasesResource(mocks.access(), maintenance);
    when(mocks.repository.facet(PypiContentFacet.class)).thenReturn(content);
    when(content.components()).thenReturn(components);
    when(components.versions("", "team-a")).thenReturn(List.of("1.0.0", "2.0"));
    when(content.releaseVersion("team-a", version("1.0"))).thenReturn(Optional.of("1.0.0"));
    FluentComponentBuilder byName = mock(FluentComponentBuilder.class);
    when(components.name("team-a")).thenReturn(byName);
    FluentComponentBuilder finding100 = finding(release100);
    FluentComponentBuilder finding20 = finding(release20);
    when(byName.version("1.0.0")).thenReturn(finding100);
    when(byName.version("2.0")).thenReturn(finding20);
  }

  private static FluentComponentBuilder finding(final FluentComponent release) {
    FluentComponentBuilder builder = mock(FluentComponentBuilder.class);
    when(builder.find()).thenReturn(Optional.of(release));
    return builder;
  }

  private static Version version(final String text) {
    return Version.tryParse(text).orElseThrow();
  }

  private void mayDelete(final boolean permitted) {
    mocks.permit(REPOSITORY, "delete", projectPath, permitted);
  }

  private static WebApplicationMessageException refusal(final Runnable call) {
    return HostedRepositoryMocks.refusal(call);
  }

  @Test
  void aReleaseIsDeletedByAnyPep440SpellingThroughNexusComponentDeletion() {
    mayDelete(true);

    assertEquals(204, resource.deleteRelease(REPOSITORY, "Team.A", "1.0").getStatus());

    verify(maintenance).deleteComponent(mocks.repository, release100);
  }

  @Test
  void aProjectIsDeletedReleaseByRelease() {
    mayDelete(true);

    assertEquals(204, resource.deleteProject(REPOSITORY, "TEAM_A").getStatus());

    verify(maintenance).deleteComponent(mocks.repository, release100);
    verify(maintenance).deleteComponent(mocks.repository, release20);
  }

  @Test
  void withoutDeleteNothingIsLookedUp() {
    mayDelete(false);

    WebApplicationMessageException refused = refusal(() -> resource.deleteRelease(REPOSITORY, "team-a", "1.0"));

    assertEquals(403, refused.getResponse().getStatus());
    assertTrue(String.valueOf(refused.getResponse().getEntity())
        .contains("nx-repository-view-pypi-pypi-hosted-delete"));
    assertEquals(403, refusal(() -> resource.deleteProject(REPOSITORY, "team-a")).getResponse().getStatus());
    verifyNoInteractions(mocks.repositoryManager, maintenance);
  }

  @Test
  void unknownReleasesProjectsAndInvalidVersionsAreNotFound() {
    mayDelete(true);
    when(mocks.permissions.isPermitted(anyString(), anyString(), anyString(), nullable(VariableSource.class)))
        .thenReturn(true);

    assertEquals(404, refusal(() -> resource.deleteRelease(REPOSITORY, "team-a", "9.9")).getResponse().getStatus());
    assertEquals(404, refusal(() -> resource.deleteRelease(REPOSITORY, "team-a", "not a version")).getResponse()
        .getStatus());
    when(components.versions("", "other")).thenReturn(List.of());
    assertEquals(404, refusal(() -> resource.deleteProject(REPOSITORY, "other")).getResponse().getStatus());
    assertEquals(404, refusal(() -> resource.deleteProject("no-such", "team-a")).getResponse().getStatus());
    verifyNoInteractions(maintenance);
  }

  @Test
  void aFileTheCallerMayNotDeleteIsAForbiddenAnswer() {
    mayDelete(true);
    doThrow(new AuthorizationException()).when(maintenance).deleteComponent(mocks.repository, release100);

    assertEquals(403, refusal(() -> resource.deleteRelease(REPOSITORY, "team-a", "1.0")).getResponse().getStatus());
  }
}
