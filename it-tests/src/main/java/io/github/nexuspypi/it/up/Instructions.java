package io.github.nexuspypi.it.up;

import io.github.nexuspypi.it.nexus.NexusInstallation;
import io.github.nexuspypi.it.nexus.NexusSettings;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.python.ClientConfigFiles;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What a developer needs to use the Nexus that {@code ./nexus-pypi-up} started, as text to print. */
final class Instructions
{
  private static final String PYPIRC_ALIAS = "nexus";

  private Instructions() {
  }

  static String render(final NexusInstallation installation, final URI baseUri,
                       final List<DefaultRepositories.Outcome> repositories) {
    String password = installation.adminPassword();
    StringBuilder text = new StringBuilder()
        .append("Nexus is running.\n\n")
        .append("  UI:      ").append(baseUri).append('\n')
        .append("  Log in:  user ").append(NexusSettings.ADMIN_USER).append(", password ").append(password)
        .append(" (from ").append(installation.dataDir().resolve("admin.password")).append(")\n")
        .append("  Logs:    ").append(installation.nexusLog()).append('\n')
        .append("  Stop:    ./nexus-pypi-up --stop\n\n")
        .append("Repositories:\n");
    repositories.forEach(outcome -> text.append("  ").append(outcome.repository().name()).append(": ")
        .append(outcome.note()).append('\n'));
    List<RepositoryDefinition> usable = repositories.stream()
        .filter(DefaultRepositories.Outcome::usable).map(DefaultRepositories.Outcome::repository).toList();
    if (usable.isEmpty()) {
      return text.toString();
    }
    text.append("\nSimple indexes:\n");
    usable.forEach(repository -> text.append("  ").append(simpleIndex(baseUri, repository)).append('\n'));
    Optional<RepositoryDefinition> installFrom = ofType(usable, "group").or(() -> ofType(usable, "hosted"));
    installFrom.ifPresent(repository -> text
        .append("\npip.conf (~/.config/pip/pip.conf), or pip install --index-url ")
        .append(simpleIndex(baseUri, repository)).append(":\n")
        .append(ClientConfigFiles.pipConf(simpleIndex(baseUri, repository))));
    ofType(usable, "hosted").ifPresent(repository -> text
        .append("\n~/.pypirc:\n")
        .append(ClientConfigFiles.pypirc(PYPIRC_ALIAS, repositoryRoot(baseUri, repository),
            NexusSettings.ADMIN_USER, password))
        .append("\nUpload:\n")
        .append("  twine upload --repository ").append(PYPIRC_ALIAS).append(" dist/*\n")
        .append("  (or: twine upload --repository-url ").append(repositoryRoot(baseUri, repository))
        .append(" -u ").append(NexusSettings.ADMIN_USER).append(" dist/*)\n"));
    return text.toString();
  }

  /** Where the S3 blob store's objects are, for a developer who wants to look at them. */
  static String s3(final URI endpoint, final String blobStore, final Path bucket, final Path log) {
    return "\nS3 blob store " + blobStore + ": S3Proxy at " + endpoint + " (filesystem backend; the objects are files"
        + " under " + bucket + ", the log " + log + "), stopped with Nexus by ./nexus-pypi-up --stop\n";
  }

  private static Optional<RepositoryDefinition> ofType(final List<RepositoryDefinition> repositories,
                                                       final String type) {
    return repositories.stream().filter(repository -> repository.type().equals(type)).findFirst();
  }

  private static URI repositoryRoot(final URI baseUri, final RepositoryDefinition repository) {
    return baseUri.resolve("repository/" + repository.name() + "/");
  }

  private static URI simpleIndex(final URI baseUri, final RepositoryDefinition repository) {
    return repositoryRoot(baseUri, repository).resolve("simple/");
  }
}
