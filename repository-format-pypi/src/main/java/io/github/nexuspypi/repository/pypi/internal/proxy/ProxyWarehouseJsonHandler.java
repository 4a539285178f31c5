package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.annotation.Nonnull;
import javax.inject.Named;
import javax.inject.Singleton;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.filename.InvalidFilenameException;
import io.github.nexuspypi.core.filename.PackageType;
import io.github.nexuspypi.core.filename.WheelFilename;
import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.ProjectPageSink;
import io.github.nexuspypi.core.index.SimpleJsonParser;
import io.github.nexuspypi.core.metadata.CoreMetadata;
import io.github.nexuspypi.core.metadata.InspectionLimits;
import io.github.nexuspypi.core.name.ProjectName;
import io.github.nexuspypi.core.version.Version;
import io.github.nexuspypi.core.warehouse.WarehouseFile;
import io.github.nexuspypi.core.warehouse.WarehouseRelease;
import io.github.nexuspypi.repository.pypi.internal.PypiPaths;
import io.github.nexuspypi.repository.pypi.internal.RouteTokens;
import io.github.nexuspypi.repository.pypi.internal.index.SimpleJsonRequest;
import io.github.nexuspypi.repository.pypi.internal.json.WarehouseDocument;

import org.sonatype.goodies.common.ComponentSupport;
import org.sonatype.nexus.repository.http.HttpResponses;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Response;

/**
 * A proxy's Warehouse JSON API, built from the proxy's own copy of upstream's project page and never from upstream's
 * JSON API: the document lists exactly the files the proxy's page lists, at the proxy's paths, with what the page
 * tells of them (hashes, size, upload time, Requires-Python, yank). {@code info} is the selected release's core
 * metadata as the proxy serves it (PEP 658), when that costs no download of a file and the metadata names this
 * project and release; else name and version alone. So the page's freshness, negative cache, offline state and
 * auto-block rule the document too, and upstream's copy is served while upstream is down.
 */
@Named
@Singleton
public class ProxyWarehouseJsonHandler
    extends ComponentSupport
    implements Handler
{
  static final int MAX_FILES = 50_000;

  /** Stops reading a page that lists more than {@link #MAX_FILES} files. */
  private static final class TooManyFiles
      extends IOException
  {
    private static final long serialVersionUID = 1L;
  }

  /** A file of the proxy's page with what the document needs of its name. */
  private static final class PageFile
  {
    final DistributionLink link;

    final DistributionFilename name;

    final String path;

    PageFile(final DistributionLink link, final DistributionFilename name, final String path) {
      this.link = link;
      this.name = name;
      this.path = path;
    }
  }

  @Nonnull
  @Override
  public Response handle(@Nonnull final Context context) throws Exception {
    String project = RouteTokens.get(context, RouteTokens.PROJECT).orElseThrow();
    Response page = SimpleJsonRequest.dispatch(context, context.getRepository(), PypiPaths.SIMPLE + project + "/");
    if (page.getStatus().getCode() == 404) {
      return HttpResponses.notFound("No project '" + project + "' in this repository.");
    }
    if (page.getStatus().getCode() != 200 || !(page.getPayload() instanceof Content)) {
      // Upstream failed and the proxy has no copy: the page's own answer says why.
      return page;
    }
    List<PageFile> files = new ArrayList<>();
    try (InputStream in = ((Content) page.getPayload()).openInputStream()) {
      read(project, in, files);
    }
    catch (TooManyFiles e) {
      return HttpResponses.badGateway("Upstream's page of '" + project + "' lists more than " + MAX_FILES
          + " files; this proxy's JSON API describes at most that many.");
    }
    Map<String, WarehouseRelease> releases = WarehouseDocument.releases(files,
        file -> PypiPaths.versionOf(file.path).orElseThrow(), file -> file.link.yank(),
        file -> describe(context, file));
    long lastSerial = files.stream().map(file -> file.link.uploadTime()).filter(Objects::nonNull)
        .mapToLong(Instant::getEpochSecond).max().orElse(0);
    PypiProxyFacet proxy = context.getRepository().facet(PypiProxyFacet.class);
    return WarehouseDocument.answer(context, project, releases, lastSerial,
        release -> metadataOf(context, proxy, project, release));
  }

  /**
   * The page's files, read as it streams. The document is built in memory, so a page listing far more files than
   * real projects have is refused rather than described: an upstream must not make one request cost the heap.
   */
  private static void read(final String project, final InputStream page, final List<PageFile> files)
      throws IOException
  {
    SimpleJsonParser.readProject(page, null, new ProjectPageSink()
    {
      @Override
      public void file(final DistributionLink link) throws IOException {
        Optional<PageFile> file = pageFile(project, link);
        if (file.isPresent()) {
          if (files.size() == MAX_FILES) {
            throw new TooManyFiles();
          }
          files.add(file.get());
        }
      }

      @Override
      public void version(final String version) {
        // A release without files has nothing to describe.
      }
    });
  }

  /** Only files whose names are distributions' make it into the document, as into the proxy's page. */
  private static Optional<PageFile> pageFile(final String project, final DistributionLink link) {
    try {
      DistributionFilename name = DistributionFilename.parse(link.filename());
      return Optional.of(new PageFile(link, name, ProxiedLinks.filePath(project, link.filename())));
    }
    catch (InvalidFilenameException e) {
      return Optional.empty();
    }
  }

  /** Linked where the proxy serves the file, whatever URL upstream gave it. */
  private static WarehouseFile describe(final Context context, final PageFile file) {
    DistributionLink link = file.link;
    String pythonVersion = file.name instanceof WheelFilename ? ((WheelFilename) file.name).pythonTag() : "source";
    return new WarehouseFile(link.filename(), WarehouseDocument.fileUrl(context, file.path),
        file.name.packageType().formValue(), pythonVersion, WarehouseDigests.of(link.hashes()), link.size(),
        link.uploadTime(), link.requiresPython(), link.coreMetadata());
  }

  /** A wheel's metadata first: an sdist's may be partly dynamic. */
  private Optional<CoreMetadata> metadataOf(final Context context, final PypiProxyFacet proxy, final String project,
                                            final WarehouseRelease release)
  {
    List<String> candidates = release.files().stream()
        .filter(file -> file.coreMetadata() != null)
        .sorted(Comparator.comparing(file -> PackageType.BDIST_WHEEL.formValue().equals(file.packageType()) ? 0 : 1))
        .map(WarehouseFile::filename)
        .collect(Collectors.toList());
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    try {
      Optional<Content> metadata = proxy.metadataWithoutDownload(context, project, candidates);
      if (metadata.isEmpty()) {
        return Optional.empty();
      }
      CoreMetadata parsed = read(metadata.get());
      if (describes(parsed, project, release.version())) {
        return Optional.of(parsed);
      }
      log.warn("Proxy {}: the core metadata of {} {} names {} {}; its JSON API leaves it out",
          context.getRepository().getName(), project, release.version(), parsed.name(), parsed.version());
    }
    catch (IOException | UncheckedIOException e) {
      log.warn("Proxy {}: the core metadata of {} {} could not be had for its JSON API: {}",
          context.getRepository().getName(), project, release.version(), e.toString());
    }
    return Optional.empty();
  }

  private static CoreMetadata read(final Content metadata) throws IOException {
    try (InputStream in = new SizeLimitedInputStream(metadata.openInputStream(),
        InspectionLimits.DEFAULTS.maxMetadataBytes(), "core metadata")) {
      return CoreMetadata.parse(in.readAllBytes());
    }
  }

  /** Upstream's metadata must not make the document describe, or link to, another project or release. */
  private static boolean describes(final CoreMetadata metadata, final String project, final String version) {
    Optional<Version> stated = Version.tryParse(metadata.version());
    return ProjectName.isValid(metadata.name()) && ProjectName.normalize(metadata.name()).equals(project)
        && stated.isPresent() && stated.equals(Version.tryParse(version));
  }
}
