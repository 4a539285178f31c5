package io.github.nexuspypi.jenkins.publish;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPage;
import io.github.nexuspypi.core.index.SimplePages;
import io.github.nexuspypi.core.name.ProjectName;
import io.github.nexuspypi.core.upload.PreparedUpload;
import io.github.nexuspypi.core.upload.UploadRejectedException;

/**
 * Publishes a workspace's distributions: finds them, checks every one before sending any, uploads them one after
 * the other (stopping at the first failure, as twine does), and finds each on its project's page afterwards.
 * Plain Java: Jenkins runs it on the agent that holds the workspace, tests run it anywhere.
 */
public final class DistributionPublisher
{
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

  private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);

  private final PublishSettings settings;

  private final HttpClient http;

  private final UploadClient uploads;

  public DistributionPublisher(final PublishSettings settings) {
    this(settings, RepositoryHttp.client(CONNECT_TIMEOUT), duration -> Thread.sleep(duration.toMillis()));
  }

  DistributionPublisher(final PublishSettings settings, final HttpClient http, final UploadClient.Sleeper sleeper) {
    this.settings = settings;
    this.http = http;
    this.uploads = new UploadClient(http, settings, sleeper);
  }

  /** @return one entry per file, in path order */
  public List<PublishedFile> publish(final Path workspace, final PublishLog log)
      throws PublishException, InterruptedException
  {
    List<Path> files = new DistributionFinder(workspace).find(settings.patterns());
    if (files.isEmpty()) {
      String nothing = "No file matches " + String.join(", ", settings.patterns()) + " in " + workspace;
      if (settings.failWhenNothingMatches()) {
        throw new PublishException(nothing + ": build the distributions first (e.g. python -m build), or correct "
            + "the files pattern.");
      }
      log.line(nothing + "; nothing to publish.");
      return List.of();
    }
    List<PreparedUpload> prepared = prepare(files, log);
    log.line((settings.dryRun() ? "Dry run: would publish " : "Publishing ") + prepared.size() + " file(s) to "
        + settings.repositoryUrl());
    List<PublishedFile> published = new ArrayList<>();
    for (PreparedUpload file : prepared) {
      long started = System.nanoTime();
      PublishedFile.Outcome outcome;
      try {
        outcome = settings.dryRun() ? PublishedFile.Outcome.DRY_RUN
            : uploads.upload(file, log) ? PublishedFile.Outcome.UPLOADED : PublishedFile.Outcome.ALREADY_THERE;
      }
      catch (PublishException e) {
        // What went through before the failure is in the repository now: the build must still say so.
        List<PublishedFile> before = locate(published);
        before.forEach(done -> log.line("  " + done.logLine()));
        throw e.after(before);
      }
      published.add(new PublishedFile(file.filename().filename(), file.metadata().name(), file.metadata().version(),
          file.size(), Duration.ofNanos(System.nanoTime() - started), outcome, null));
    }
    List<PublishedFile> located = settings.dryRun() ? published : locate(published);
    located.forEach(file -> log.line("  " + file.logLine()));
    return located;
  }

  /** Every file checked before any is sent: a bad one fails the step with nothing published. */
  private static List<PreparedUpload> prepare(final List<Path> files, final PublishLog log)
      throws PublishException
  {
    List<PreparedUpload> prepared = new ArrayList<>();
    for (Path file : files) {
      try {
        PreparedUpload upload = PreparedUpload.prepare(file);
        upload.warnings().forEach(warning -> log.line("  warning: " + file.getFileName() + ": " + warning));
        prepared.add(upload);
      }
      catch (UploadRejectedException e) {
        throw new PublishException("Not publishing anything: " + e.getMessage());
      }
      catch (IOException e) {
        throw new PublishException("Not publishing anything: could not read " + file + ": "
            + PublishException.reason(e) + ".", e);
      }
    }
    return prepared;
  }

  /** Each file's link on its project's page, read once per project; the page itself if the file is not listed. */
  private List<PublishedFile> locate(final List<PublishedFile> files) throws InterruptedException {
    Map<URI, Optional<ProjectPage>> pages = new HashMap<>();
    List<PublishedFile> located = new ArrayList<>();
    for (PublishedFile file : files) {
      URI pageUrl = settings.repositoryUrl().resolve("simple/" + ProjectName.normalize(file.project()) + "/");
      Optional<ProjectPage> page = pages.get(pageUrl);
      if (page == null) {
        page = page(pageUrl);
        pages.put(pageUrl, page);
      }
      Optional<String> link = page.flatMap(found -> found.files().stream()
          .filter(listed -> listed.filename().equals(file.filename())).findFirst().map(DistributionLink::url))
          .filter(DistributionPublisher::isWebLink);
      located.add(file.at(link.orElse(page.isPresent() ? pageUrl.toString() : null)));
    }
    return located;
  }

  /**
   * The build page links to it: the repository's page is not to be trusted with the scheme, so a
   * {@code javascript:} or {@code data:} link there must not become one on Jenkins's page.
   */
  private static boolean isWebLink(final String url) {
    try {
      String scheme = new URI(url).getScheme();
      return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    }
    catch (URISyntaxException e) {
      return false;
    }
  }

  private Optional<ProjectPage> page(final URI pageUrl) throws InterruptedException {
    try {
      HttpResponse<InputStream> response = http.send(RepositoryHttp.page(pageUrl, settings, PAGE_TIMEOUT),
          HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          return Optional.empty();
        }
        return Optional.of(SimplePages.parseProject(in, response.headers().firstValue("Content-Type").orElse(""),
            pageUrl));
      }
    }
    catch (IOException e) {
      // Where a published file sits is a courtesy of the log; a repository without a simple index still took it.
      return Optional.empty();
    }
  }
}
