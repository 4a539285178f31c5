package io.github.nexuspypi.it.up;

import io.github.nexuspypi.it.nexus.NexusAdminClient;
import io.github.nexuspypi.it.nexus.NexusApiException;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** The repositories a developer's Nexus gets, created through the REST API unless they exist. */
final class DefaultRepositories
{
  static final String FORMAT = "pypi";

  /** In creation order: a group's members come before the group. */
  static final List<RepositoryDefinition> ALL = List.of(
      RepositoryDefinition.hosted(FORMAT, "pypi-hosted", "allow_once"),
      // pypi.org's index URL: a remote URL ending in simple/ is saved without asking upstream, so a Nexus without
      // internet access (CI's) gets its proxy all the same.
      RepositoryDefinition.proxy(FORMAT, "pypi-proxy", "https://pypi.org/simple/"),
      RepositoryDefinition.group(FORMAT, "pypi-group", List.of("pypi-hosted", "pypi-proxy")));

  private DefaultRepositories() {
  }

  /** What became of one repository: whether clients can use it, and a word for the developer. */
  record Outcome(RepositoryDefinition repository, boolean usable, String note)
  {
  }

  /**
   * Creates the repositories that are missing, with their content in {@code blobStore}; those that exist are left as
   * they are, in whichever blob store they were created.
   */
  static List<Outcome> ensure(final NexusAdminClient admin, final String blobStore) {
    List<Outcome> outcomes = new ArrayList<>();
    for (RepositoryDefinition repository : ALL) {
      outcomes.add(ensure(admin, repository.inBlobStore(blobStore)));
    }
    return outcomes;
  }

  private static Outcome ensure(final NexusAdminClient admin, final RepositoryDefinition repository) {
    JsonNode existing = admin.repository(repository.name());
    if (existing != null) {
      String format = existing.path("format").asText();
      return format.equals(repository.format()) ? new Outcome(repository, true, "exists")
          : new Outcome(repository, false, "exists as a " + format + " repository: delete it in the UI to get a "
              + repository.format() + " one");
    }
    try {
      admin.createRepository(repository);
      return new Outcome(repository, true, "created in blob store " + repository.blobStore());
    }
    catch (NexusApiException e) {
      if (e.status() == 404) {
        return new Outcome(repository, false, "not created: this Nexus has no " + repository.format()
            + " format (no plugin kar was installed)");
      }
      throw e;
    }
  }
}
