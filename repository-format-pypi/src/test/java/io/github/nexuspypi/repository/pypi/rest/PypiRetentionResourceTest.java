package io.github.nexuspypi.repository.pypi.rest;

import io.github.nexuspypi.repository.pypi.internal.retention.RetentionReports;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;
import org.sonatype.nexus.repository.content.maintenance.MaintenanceService;
import org.sonatype.nexus.repository.types.ProxyType;
import org.sonatype.nexus.selector.VariableSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class PypiRetentionResourceTest
{
  private static final String REPOSITORY = HostedRepositoryMocks.REPOSITORY;

  private final HostedRepositoryMocks mocks = new HostedRepositoryMocks();

  private final VariableSource packages = mocks.path("/packages/");

  @Mock
  private MaintenanceService maintenance;

  private PypiRetentionResource resource;

  @BeforeEach
  void setUp() {
    resource = new PypiRetentionResource(mocks.access(), new RetentionReports(), maintenance);
  }

  private void mayDelete(final boolean permitted) {
    mocks.permit(REPOSITORY, "delete", packages, permitted);
  }

  private static int status(final Runnable call) {
    return HostedRepositoryMocks.status(call);
  }

  @Test
  void withoutDeleteNothingIsLookedUpNorRun() {
    mayDelete(false);

    assertEquals(403, status(() -> resource.run(REPOSITORY, new RetentionRequest(1, 0, null, false, true))));
    assertEquals(403, status(() -> resource.latest(REPOSITORY)));
    verifyNoInteractions(mocks.repositoryManager);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "null | 30   | null",
      "10   | null | null",
      "-1   | 30   | null",
      "10   | -1   | null",
      "10   | 30   | acme-("
  })
  void optionsAnAdminMustFixAreABadRequest(final Integer keep, final Integer days, final String pattern) {
    mayDelete(true);

    assertEquals(400, status(() -> resource.run(REPOSITORY, new RetentionRequest(keep, days, pattern, null, null))));
    assertEquals(400, status(() -> resource.run(REPOSITORY, null)));
  }

  @Test
  void onlyHostedRepositoriesHaveRetention() {
    mayDelete(true);
    when(mocks.repository.getType()).thenReturn(new ProxyType());

    assertEquals(404, status(() -> resource.run(REPOSITORY, new RetentionRequest(1, 0, null, false, true))));
  }

  @Test
  void noReportBeforeAPassRan() {
    mayDelete(true);

    assertEquals(404, status(() -> resource.latest(REPOSITORY)));
  }
}
