package io.github.nexuspypi.repository.pypi.internal.cleanup;

import java.util.Map;

import javax.inject.Named;
import javax.inject.Singleton;

import io.github.nexuspypi.repository.pypi.internal.PypiFormat;

import org.sonatype.nexus.cleanup.config.CleanupPolicyConfiguration;

import static org.sonatype.nexus.cleanup.config.CleanupPolicyConstants.IS_PRERELEASE_KEY;
import static org.sonatype.nexus.cleanup.config.CleanupPolicyConstants.LAST_BLOB_UPDATED_KEY;
import static org.sonatype.nexus.cleanup.config.CleanupPolicyConstants.LAST_DOWNLOADED_KEY;
import static org.sonatype.nexus.cleanup.config.CleanupPolicyConstants.REGEX_KEY;

/**
 * The cleanup criteria the admin UI offers for PyPI repositories.
 */
@Named(PypiFormat.NAME)
@Singleton
public class PypiCleanupPolicyConfiguration
    implements CleanupPolicyConfiguration
{
  @Override
  public Map<String, Boolean> getConfiguration() {
    return Map.of(LAST_BLOB_UPDATED_KEY, true, LAST_DOWNLOADED_KEY, true, IS_PRERELEASE_KEY, false, REGEX_KEY, true);
  }
}
