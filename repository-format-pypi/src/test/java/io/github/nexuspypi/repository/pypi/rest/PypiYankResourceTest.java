package io.github.nexuspypi.repository.pypi.rest;

import io.github.nexuspypi.core.version.Version;
import io.github.nexuspypi.repository.pypi.internal.hosted.MissingPrivilegeException;
import io.github.nexuspypi.repository.pypi.internal.hosted.PypiHostedFacet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.sonatype.nexus.repository.manager.RepositoryManager;
import org.sonatype.nexus.rest.WebApplicationMessageException;
import org.sonatype.nexus.selector.VariableSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

@ExtendWith(MockitoExtension.class)
class PypiYankResourceTest
{
  private static final String REPOSITORY = HostedRepositoryMocks.REPOSITORY;

  private final HostedRepositoryMocks mocks = new HostedRepositoryMocks();

  private final RepositoryManager repositoryManager = mocks.repositoryManager;

  @Mock
  private PypiHostedFacet hosted;

  // The privilege is asked about the project's normalised path, which a team's content selector matches.
  private final VariableSource projectPath = mocks.path("/packages/team-a/");

  private PypiYankResource resource;

  @BeforeEach
  void setUp() {
    resource = new PypiYankResource(mocks.access());
    lenient().when(mocks.repository.facet(PypiHostedFacet.class)).thenReturn(hosted);
  }

  private void mayRead(final String repositoryName, final boolean permitted) {
    mocks.permit(repositoryName, "read", projectPath, permitted);
  }

  private static int status(final Runnable call) {
    return HostedRepositoryMocks.status(call);
  }

  @Test
  void withoutReadNothingIsLookedUpAndEveryCaseIsForbidden() {
    mayRead(REPOSITORY, false);
    mayRead("no-such-repository", false);

    WebApplicationMessageException refused = assertThrows(WebApplicationMessageException.class,
        () -> resource.yank(REPOSITORY, "Team.A", "1.0", new YankRequest("broken")));

    assertEquals(403, refused.getResponse().getStatus());
    String message = String.valueOf(refused.getResponse().getEntity());
    assertTrue(message.contains("'read' and 'edit'"), message);
    assertEquals(403, status(() -> resource.unyank(REPOSITORY, "team-a", "9.9")));
    assertEquals(403, status(() -> resource.yank("no-such-repository", "team_a", "1.0", null)));
    verifyNoInteractions(repositoryManager, hosted);
  }

  @Test
  void aReaderLearnsThatARepositoryOrAReleaseIsMissing() throws Exception {
    mayRead(REPOSITORY, true);
    mayRead("no-such-repository", true);
    when(repositoryManager.get("no-such-repository")).thenReturn(null);
    when(repositoryManager.get(REPOSITORY)).thenReturn(mocks.repository);
    when(hosted.yank(any(), any(), any())).thenReturn(false);

    assertEquals(404, status(() -> resource.yank("no-such-repository", "team-a", "1.0", null)));
    assertEquals(404, status(() -> resource.yank(REPOSITORY, "team-a", "9.9", null)));
  }

  @Test
  void aReaderYanksThroughTheHostedFacet() throws Exception {
    mayRead(REPOSITORY, true);
    when(repositoryManager.get(REPOSITORY)).thenReturn(mocks.repository);
    when(hosted.yank("team-a", Version.parse("1.0"), "broken")).thenReturn(true);

    assertEquals(204, resource.yank(REPOSITORY, "Team.A", "1.0", new YankRequest("broken")).getStatus());
  }

  @Test
  void aReaderWithoutEditIsForbiddenWithTheFacetsMessage() throws Exception {
    mayRead(REPOSITORY, true);
    when(repositoryManager.get(REPOSITORY)).thenReturn(mocks.repository);
    when(hosted.yank("team-a", Version.parse("1.0"), null))
        .thenThrow(new MissingPrivilegeException("Yanking '/packages/team-a/1.0/x.whl' needs the 'edit' privilege."));

    WebApplicationMessageException refused = assertThrows(WebApplicationMessageException.class,
        () -> resource.unyank(REPOSITORY, "team-a", "1.0"));

    assertEquals(403, refused.getResponse().getStatus());
    String message = String.valueOf(refused.getResponse().getEntity());
    assertTrue(message.contains("Yanking '/packages/team-a/1.0/x.whl' needs the 'edit' privilege."), message);
  }
}
