package io.github.nexuspypi.repository.pypi.rest;

import io.github.nexuspypi.repository.pypi.internal.retention.ReleaseDeletion;

import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.content.Component;
import org.sonatype.nexus.repository.content.maintenance.MaintenanceService;

import org.apache.shiro.authz.AuthorizationException;

/**
 * Deletes a release as the REST caller, through Nexus's {@link MaintenanceService}, which checks the caller's
 * {@code delete} privilege on each of its files first.
 */
class CallerReleaseDeletion
    implements ReleaseDeletion
{
  private final MaintenanceService maintenanceService;

  CallerReleaseDeletion(final MaintenanceService maintenanceService) {
    this.maintenanceService = maintenanceService;
  }

  /**
   * @throws IllegalStateException when the caller may not delete every file of the release (a content selector that
   *                               leaves some out), so that a retention pass reports it and goes on
   */
  @Override
  public void delete(final Repository repository, final Component release) {
    try {
      maintenanceService.deleteComponent(repository, release);
    }
    catch (AuthorizationException e) {
      throw new IllegalStateException("your 'delete' privilege does not cover all of its files", e);
    }
  }
}
