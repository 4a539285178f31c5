package io.github.nexuspypi.it.clients;

import io.github.nexuspypi.it.junit.Nexus;

import java.util.List;

/** A user who may only add to one pypi repository: what a CI job that publishes is given. */
public record UploadUser(String name, String password)
{
  public static UploadUser withAddPrivilege(final Nexus nexus, final String repository) {
    String role = nexus.uniqueName(repository + "-uploader");
    nexus.admin().createRole(role, List.of("nx-repository-view-pypi-" + repository + "-add"), List.of());
    UploadUser user = new UploadUser(nexus.uniqueName("uploader"), "upload-" + repository);
    nexus.admin().createUser(user.name(), user.password(), List.of(role));
    return user;
  }
}
