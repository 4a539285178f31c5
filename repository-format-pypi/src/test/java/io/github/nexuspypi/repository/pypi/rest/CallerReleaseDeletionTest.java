package io.github.nexuspypi.repository.pypi.rest;

import org.apache.shiro.authz.AuthorizationException;
import org.junit.jupiter.api.Test;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.content.Component;
import org.sonatype.nexus.repository.content.maintenance.MaintenanceService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class CallerReleaseDeletionTest
{
  private final MaintenanceService maintenance = mock(MaintenanceService.class);

  private final Repository repository = mock(Repository.class);

  private final Component release = mock(Component.class);

  @Test
  void deletesThroughNexusMaintenanceService() {
    new CallerReleaseDeletion(maintenance).delete(repository, release);

    verify(maintenance).deleteComponent(repository, release);
  }

  @Test
  void aFileTheCallerMayNotDeleteFailsTheReleaseWithAReason() {
    doThrow(new AuthorizationException()).when(maintenance).deleteComponent(repository, release);

    IllegalStateException failed = assertThrows(IllegalStateException.class,
        () -> new CallerReleaseDeletion(maintenance).delete(repository, release));

    assertEquals("your 'delete' privilege does not cover all of its files", failed.getMessage());
  }
}
