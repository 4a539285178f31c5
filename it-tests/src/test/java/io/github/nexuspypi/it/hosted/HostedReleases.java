package io.github.nexuspypi.it.hosted;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.index.IndexPages;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.nexus.NexusHttp;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.nexus.RepositoryUser;
import io.github.nexuspypi.it.upload.LegacyUpload;
import io.github.nexuspypi.it.upload.LegacyUploadClient;
import io.github.nexuspypi.it.upload.UploadResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A new hosted repository, and a group holding only it, filled with one wheel per release: what the retention and
 * release deletion ITs delete from and read back.
 */
record HostedReleases(Nexus nexus, String name, String group, Path files)
{
  static HostedReleases create(final Nexus nexus, final String prefix, final Path files) {
    return create(nexus, prefix, files, RepositoryDefinition.DEFAULT_BLOB_STORE);
  }

  static HostedReleases create(final Nexus nexus, final String prefix, final Path files, final String blobStore) {
    String name = nexus.uniqueName(prefix);
    String group = name + "-group";
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", name, "allow_once", blobStore));
    nexus.admin().createRepository(RepositoryDefinition.group("pypi", group, List.of(name)));
    return new HostedReleases(nexus, name, group, files.resolve(name));
  }

  HostedReleases publish(final String project, final String... versions) {
    for (String version : versions) {
      Path wheel = WheelBuilder.of(project, version).writeTo(files);
      UploadResponse response = LegacyUploadClient.to(nexus.http(), name).upload(LegacyUpload.of(wheel));
      assertEquals(200, response.status(), response::describe);
    }
    return this;
  }

  /** A new user whose role holds the repository's view privileges for {@code actions}, e.g. "read", "delete". */
  NexusHttp user(final String prefix, final String... actions) {
    RepositoryUser user = RepositoryUser.create(nexus.admin(), nexus.uniqueName(prefix), "pypi", name, actions);
    return nexus.as(user.name(), user.password());
  }

  IndexPages pages() {
    return new IndexPages(nexus.http(), name);
  }

  IndexPages groupPages() {
    return new IndexPages(nexus.http(), group);
  }

  /** The versions the project's JSON page lists in the hosted repository, which the group's must agree with. */
  Set<String> versions(final String project) {
    Set<String> hosted = new TreeSet<>(pages().json(project).versions());
    assertEquals(hosted, new TreeSet<>(groupPages().json(project).versions()), "versions on the group's page");
    return hosted;
  }

  /** The status of a release's wheel, downloaded from the hosted repository. */
  int wheelStatus(final String project, final String version) {
    String file = project.replace('-', '_') + "-" + version + "-py3-none-any.whl";
    return nexus.http().get("repository/" + name + "/packages/" + project + "/" + version + "/" + file).statusCode();
  }
}
