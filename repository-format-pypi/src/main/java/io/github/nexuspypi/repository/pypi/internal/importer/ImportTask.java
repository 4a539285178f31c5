package io.github.nexuspypi.repository.pypi.internal.importer;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javax.annotation.Nullable;
import javax.inject.Inject;
import javax.inject.Named;

import io.github.nexuspypi.repository.pypi.internal.PypiFormat;
import io.github.nexuspypi.repository.pypi.internal.hosted.DistributionPreparer;
import io.github.nexuspypi.repository.pypi.internal.hosted.PypiHostedFacet;
import io.github.nexuspypi.repository.pypi.internal.proxy.FileHostRule;
import io.github.nexuspypi.repository.pypi.internal.proxy.NexusAddress;
import io.github.nexuspypi.repository.pypi.internal.proxy.UpstreamRequests;

import org.sonatype.nexus.common.app.ApplicationDirectories;
import org.sonatype.nexus.httpclient.HttpClientManager;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.manager.RepositoryManager;
import org.sonatype.nexus.repository.types.HostedType;
import org.sonatype.nexus.scheduling.Cancelable;
import org.sonatype.nexus.scheduling.TaskConfiguration;
import org.sonatype.nexus.scheduling.TaskSupport;

import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.CloseableHttpClient;

import static io.github.nexuspypi.repository.pypi.internal.importer.ImportTaskDescriptor.CONCURRENCY;
import static io.github.nexuspypi.repository.pypi.internal.importer.ImportTaskDescriptor.DEFAULT_CONCURRENCY;
import static io.github.nexuspypi.repository.pypi.internal.importer.ImportTaskDescriptor.MAX_CONCURRENCY;
import static io.github.nexuspypi.repository.pypi.internal.importer.ImportTaskDescriptor.PASSWORD;
import static io.github.nexuspypi.repository.pypi.internal.importer.ImportTaskDescriptor.PROJECTS;
import static io.github.nexuspypi.repository.pypi.internal.importer.ImportTaskDescriptor.REPOSITORY;
import static io.github.nexuspypi.repository.pypi.internal.importer.ImportTaskDescriptor.SOURCE;
import static io.github.nexuspypi.repository.pypi.internal.importer.ImportTaskDescriptor.USERNAME;

/**
 * Imports a folder or an index into a hosted PyPI repository. Running it again continues where it stopped: every
 * file already stored with the same bytes is skipped, and what a stopped run left half done was never committed.
 * Progress goes to the task log; the summary to {@link ImportReports}.
 */
@Named
public class ImportTask
    extends TaskSupport
    implements Cancelable
{
  private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

  private final RepositoryManager repositoryManager;

  private final DistributionPreparer preparer;

  private final HttpClientManager httpClients;

  private final NexusAddress nexusAddress;

  private final ImportReports reports;

  private final Path temporaryDirectory;

  @Inject
  public ImportTask(final RepositoryManager repositoryManager, final DistributionPreparer preparer,
                    final HttpClientManager httpClients, final NexusAddress nexusAddress,
                    final ImportReports reports, final ApplicationDirectories directories)
  {
    this.repositoryManager = repositoryManager;
    this.preparer = preparer;
    this.httpClients = httpClients;
    this.nexusAddress = nexusAddress;
    this.reports = reports;
    this.temporaryDirectory = directories.getTemporaryDirectory().toPath();
  }

  @Override
  public String getMessage() {
    return "Import " + getConfiguration().getString(SOURCE) + " into " + getConfiguration().getString(REPOSITORY);
  }

  @Override
  protected Object execute() throws Exception {
    TaskConfiguration configuration = getConfiguration();
    String source = configuration.getString(SOURCE, "").strip();
    Clock clock = Clock.systemUTC();
    ImportSummary summary = new ImportSummary(configuration.getString(REPOSITORY), source, clock.instant());
    try (CloseableHttpClient client = httpClients.create()) {
      Repository repository = hostedRepository(configuration.getString(REPOSITORY));
      repository.facet(PypiHostedFacet.class).checkWritable();
      ImportSource from = source(source, client);
      List<SourceFile> files = from.list(ProjectFilter.parse(configuration.getString(PROJECTS)));
      summary.listed(files);
      log.info(summary.progress(clock.instant()));
      int concurrency = Math.min(configuration.getInteger(CONCURRENCY, DEFAULT_CONCURRENCY), MAX_CONCURRENCY);
      FileImporter importer = new FileImporter(from, repository, preparer, temporaryDirectory);
      boolean complete = new ImportRun(importer::importFile, concurrency, PROGRESS_INTERVAL, clock)
          .run(files, summary, this::isCanceled, this::report);
      summary.finish(complete ? ImportSummary.State.DONE : ImportSummary.State.CANCELED,
          complete ? null : "Stopped: run the task again to continue.", clock.instant());
      summary.problems().forEach(problem -> log.info("{} {}: {}", problem.get("outcome"), problem.get("file"),
          problem.get("reason")));
    }
    catch (Exception e) {
      // Whatever stopped the run, its summary must not read as still under way.
      summary.finish(ImportSummary.State.FAILED, e.getMessage() != null ? e.getMessage() : e.toString(),
          clock.instant());
      throw e;
    }
    finally {
      report(summary);
    }
    return null;
  }

  private void report(final ImportSummary summary) {
    log.info(summary.progress(Clock.systemUTC().instant()));
    try {
      reports.write(getId(), summary.toMap());
    }
    catch (IOException e) {
      log.warn("The summary of import task {} could not be written: {}", getId(), e.toString());
    }
  }

  private Repository hostedRepository(final String name) {
    Repository repository = repositoryManager.get(name);
    if (!isPypiHosted(repository)) {
      throw new IllegalArgumentException("There is no hosted PyPI repository named '" + name + "'.");
    }
    return repository;
  }

  /** Whether an import can go into the repository: only hosted PyPI repositories take one. */
  public static boolean isPypiHosted(@Nullable final Repository repository) {
    return repository != null && PypiFormat.NAME.equals(repository.getFormat().getValue())
        && HostedType.NAME.equals(repository.getType().getValue());
  }

  private ImportSource source(final String source, final CloseableHttpClient client) {
    if (!isUrl(source)) {
      return new FolderSource(Paths.get(source));
    }
    URI index = URI.create(source.endsWith("/") ? source : source + "/");
    String username = getConfiguration().getString(USERNAME);
    UsernamePasswordCredentials credentials = username == null || username.isEmpty() ? null
        : new UsernamePasswordCredentials(username, getConfiguration().getString(PASSWORD, ""));
    return new IndexSource(index, client,
        new UpstreamRequests("Import into " + getConfiguration().getString(REPOSITORY), index, credentials,
            new FileHostRule(index, nexusAddress)));
  }

  /** Whether the source is an index (an http or https URL) rather than a folder. */
  public static boolean isUrl(final String source) {
    String lower = source.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }
}
