package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.annotation.Nonnull;
import javax.annotation.Nullable;
import javax.inject.Inject;
import javax.inject.Named;

import io.github.nexuspypi.core.index.DistributionLink;
import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.repository.pypi.PypiContentFacet;
import io.github.nexuspypi.repository.pypi.PypiContentFacet.Release;
import io.github.nexuspypi.repository.pypi.internal.DistributionContentTypes;
import io.github.nexuspypi.repository.pypi.internal.PypiPaths;
import io.github.nexuspypi.repository.pypi.internal.proxy.ProxyTarget.Kind;

import org.sonatype.nexus.common.app.ApplicationDirectories;
import org.sonatype.nexus.common.hash.HashAlgorithm;
import org.sonatype.nexus.httpclient.config.AuthenticationConfiguration;
import org.sonatype.nexus.repository.Facet;
import org.sonatype.nexus.repository.cache.CacheController;
import org.sonatype.nexus.repository.cache.CacheInfo;
import org.sonatype.nexus.repository.config.Configuration;
import org.sonatype.nexus.repository.config.ConfigurationFacet;
import org.sonatype.nexus.repository.content.facet.ContentProxyFacetSupport;
import org.sonatype.nexus.repository.content.fluent.FluentAsset;
import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.httpclient.HttpClientFacet;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.ContentTypes;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Request;
import org.sonatype.nexus.repository.view.payloads.BytesPayload;
import org.sonatype.nexus.repository.view.payloads.StreamPayload;
import org.sonatype.nexus.repository.view.payloads.TempBlob;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.google.common.net.HttpHeaders;
import org.apache.http.HttpResponse;
import org.apache.http.StatusLine;
import org.apache.http.client.HttpClient;
import org.apache.http.client.methods.HttpRequestBase;

import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.KIND_DISTRIBUTION;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.KIND_METADATA;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_FILENAME;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_REQUIRES_PYTHON;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_SHA256;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_SIZE;
import static org.sonatype.nexus.common.hash.HashAlgorithm.MD5;
import static org.sonatype.nexus.common.hash.HashAlgorithm.SHA1;
import static org.sonatype.nexus.common.hash.HashAlgorithm.SHA256;
import static org.sonatype.nexus.common.hash.HashAlgorithm.SHA512;

/**
 * A pull-through cache of an upstream index. Pages are kept as upstream gave them (parsed, with each file's upstream
 * URL, which may be on another host) and refreshed after the metadata age; files are fetched from their upstream
 * URL on first request and kept only when they match the hash the page gave. Nexus's proxy support adds the rest:
 * one fetch for concurrent requests, revalidation, the cached copy when upstream fails, auto-blocking.
 */
@Named
@Facet.Exposed
public class PypiProxyFacet
    extends ContentProxyFacetSupport
{
  private static final List<HashAlgorithm> HASHING = List.of(MD5, SHA1, SHA256, SHA512);

  private static final String HTTP_CLIENT_SECTION = "httpclient";

  private final Path temporaryDirectory;

  private final UpstreamRoot upstreamRoot;

  private final UpstreamPage upstreamPage;

  private final WheelMetadataReader wheelMetadata;

  private final NexusAddress nexusAddress;

  private StreamingDownloads downloads;

  private volatile UpstreamRequests upstream;

  /** The part of the {@code httpclient} configuration the proxy needs itself: the credentials. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  static class HttpClientSection
  {
    @Nullable
    public AuthenticationConfiguration authentication;
  }

  @Inject
  public PypiProxyFacet(final ApplicationDirectories directories, final NexusAddress nexusAddress) {
    this.temporaryDirectory = directories.getTemporaryDirectory().toPath();
    this.upstreamRoot = new UpstreamRoot(temporaryDirectory);
    this.upstreamPage = new UpstreamPage(temporaryDirectory, HASHING);
    this.wheelMetadata = new WheelMetadataReader(temporaryDirectory);
    this.nexusAddress = nexusAddress;
  }

  @Override
  protected void doConfigure(final Configuration configuration) throws Exception {
    super.doConfigure(configuration);
    HttpClientSection httpClient = facet(ConfigurationFacet.class).readSection(configuration, HTTP_CLIENT_SECTION,
        HttpClientSection.class);
    upstream = new UpstreamRequests("Proxy " + getRepository().getName(), getRemoteUrl(),
        OriginCredentials.of(httpClient.authentication), new FileHostRule(getRemoteUrl(), nexusAddress));
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    downloads = new StreamingDownloads(temporaryDirectory, getRepository().getName());
  }

  @Override
  protected void doStop() throws Exception {
    downloads.shutdown();
    super.doStop();
  }

  /**
   * A file not yet cached is served while it downloads, and requests that come meanwhile follow the same download.
   * Everything else, a cached file due for revalidation included, takes Nexus's usual fetch-then-serve path.
   */
  @Nullable
  @Override
  protected Content doGet(final Context context, @Nullable final Content stale) throws IOException {
    ProxyTarget target = target(context);
    if (target.kind() != Kind.FILE || stale != null) {
      return super.doGet(context, stale);
    }
    if (HttpMethods.HEAD.equals(context.getRequest().getAction())) {
      return headOfFileNotCached(context, target);
    }
    return downloads.follow(target.path(), () -> startDownload(context, target));
  }

  /** A HEAD must not share the answer of a GET of the same path, nor a GET the body-less answer of a HEAD. */
  @Override
  protected String getRequestKey(final Context context) {
    return context.getRequest().getAction() + " " + super.getRequestKey(context);
  }

  /** Pages come from under the remote URL; files and metadata from any host their page names that the rule allows. */
  @Override
  protected HttpResponse execute(final Context context, final HttpClient client, final HttpRequestBase request)
      throws IOException
  {
    return target(context).isIndex() ? upstream.page(client, request) : upstream.file(client, request);
  }

  /** Nexus logs a fallback to the cached copy only at debug level; an admin should see that upstream is failing. */
  @Override
  protected <X extends Throwable> void logContentOrThrow(@Nullable final Content content, final Context context,
                                                         @Nullable final StatusLine statusLine, final X exception)
      throws X
  {
    if (content != null) {
      log.warn("Proxy {} serves its cached copy of {}: upstream {} failed: {}", getRepository().getName(),
          context.getRequest().getPath(), getRemoteUrl(), statusLine != null ? statusLine : exception.toString());
    }
    super.logContentOrThrow(content, context, statusLine, exception);
  }

  /** A project's upstream page as kept, fetched or refreshed as its age requires; empty when upstream has none. */
  public Optional<Content> pageContent(final Context context, final String project) throws IOException {
    return Optional.ofNullable(get(contextFor(context, ProxyTarget.page(project))));
  }

  /**
   * The core metadata of the first of a project's files (by name, in the order given) whose metadata costs no
   * download of the file itself: upstream offers it (PEP 658), or the proxy already holds it or the file. It is
   * fetched and kept as any {@code .metadata} is. Empty when no file qualifies, or upstream has none after all.
   */
  public Optional<Content> metadataWithoutDownload(final Context context, final String project,
                                                   final List<String> filenames) throws IOException
  {
    Optional<Content> page = pageContent(context, project);
    if (page.isEmpty()) {
      return Optional.empty();
    }
    Map<String, DistributionLink> upstreamLinks;
    try (InputStream in = page.get().openInputStream()) {
      upstreamLinks = ProxiedLinks.findAll(in, new HashSet<>(filenames));
    }
    for (String filename : filenames) {
      String path = ProxiedLinks.filePath(project, filename);
      DistributionLink upstreamLink = upstreamLinks.get(filename);
      boolean offered = upstreamLink != null && upstreamLink.coreMetadata() != null;
      if (offered || content().find(PypiPaths.metadataOf(path)).isPresent() || content().find(path).isPresent()) {
        ProxyTarget metadata = ProxyTarget.of(PypiPaths.metadataOf(path)).orElseThrow();
        return Optional.ofNullable(get(contextFor(context, metadata)));
      }
    }
    return Optional.empty();
  }

  /** The upstream root page as kept, in the format asked for. */
  public Optional<Content> root(final Context context, final SimpleFormat format) throws IOException {
    Content json = get(contextFor(context, ProxyTarget.root()));
    if (json == null || format.isJson()) {
      return Optional.ofNullable(json);
    }
    return content().find(ProxyTarget.ROOT_HTML).map(FluentAsset::download);
  }

  /** Until when a kept page is fresh: its last check upstream plus the metadata age. */
  Instant freshUntil(final Content kept) {
    CacheInfo cacheInfo = kept.getAttributes().get(CacheInfo.class);
    int maxAge = cacheControllerHolder.getMetadataCacheController().getContentMaxAgeSeconds();
    if (cacheInfo == null || cacheInfo.isInvalidated()) {
      return Instant.now();
    }
    return maxAge < 0 ? Instant.MAX : Instant.ofEpochMilli(cacheInfo.getLastVerified().getMillis()).plusSeconds(maxAge);
  }

  @Override
  public void invalidateProxyCaches() {
    super.invalidateProxyCaches();
    facet(PypiProxyIndexFacet.class).invalidate();
  }

  /** The page clients get in {@code format} from a kept copy of upstream's. */
  ClientPage clientPage(final Content kept, final String project, final SimpleFormat format) throws IOException {
    return ClientPage.of(kept, project, format, temporaryDirectory);
  }

  /**
   * Files never change upstream, so their assets come from memory until their content events; a page's asset is
   * read anew, its cache details being rewritten on each verification.
   */
  @Override
  protected Content getCachedContent(final Context context) throws IOException {
    ProxyTarget target = target(context);
    String path = target.cachePath();
    return (target.isIndex() ? content().find(path) : content().findToDownload(path))
        .map(FluentAsset::download).orElse(null);
  }

  /**
   * A page's absolute upstream URL, which Nexus also names in its log lines. Files are fetched from the URL their
   * page gives; for them this is only the request path.
   */
  @Override
  protected String getUrl(@Nonnull final Context context) {
    ProxyTarget target = target(context);
    return target.isIndex() ? upstreamUrl(target).toString() : target.upstreamPath();
  }

  @Nonnull
  @Override
  protected CacheController getCacheController(@Nonnull final Context context) {
    return target(context).isIndex() ? cacheControllerHolder.getMetadataCacheController()
        : cacheControllerHolder.getContentCacheController();
  }

  @Override
  protected HttpRequestBase buildFetchHttpRequest(final URI uri, final Context context) {
    HttpRequestBase request = super.buildFetchHttpRequest(uri, context);
    if (target(context).isIndex()) {
      request.setHeader(HttpHeaders.ACCEPT, SimpleFormat.CLIENT_ACCEPT);
    }
    return request;
  }

  @Nullable
  @Override
  protected Content fetch(final Context context, @Nullable final Content stale) throws IOException {
    ProxyTarget target = target(context);
    if (target.isIndex()) {
      return super.fetch(context, stale);
    }
    Optional<DistributionLink> link = linkFor(context, target);
    if (link.isEmpty()) {
      return null;
    }
    context.getAttributes().set(DistributionLink.class, link.get());
    if (target.kind() == Kind.FILE) {
      return super.fetch(link.get().url(), context, stale);
    }
    if (link.get().coreMetadata() != null) {
      return super.fetch(link.get().url() + PypiPaths.METADATA_SUFFIX, context, stale);
    }
    return ProxiedLinks.isWheel(target.filename()) ? metadataOfWheel(context, target) : null;
  }

  @Override
  protected Content store(final Context context, final Content content) throws IOException {
    ProxyTarget target = target(context);
    switch (target.kind()) {
      case ROOT:
        return upstreamRoot.store(content(), content);
      case PAGE:
        return storePage(target, content);
      default:
        try (TempBlob blob = content().blobs().ingest(content, HASHING)) {
          return storeFile(target, context.getAttributes().require(DistributionLink.class), blob, content).download();
        }
    }
  }

  /** Only files the project's page lists, at the path the proxy gives them, are fetched. */
  private Optional<DistributionLink> linkFor(final Context context, final ProxyTarget target) throws IOException {
    if (!ProxiedLinks.filePath(target.project(), target.filename()).equals(target.distributionPath())) {
      return Optional.empty();
    }
    return pageContent(context, target.project()).flatMap(kept -> find(kept, target.filename()));
  }

  @Nullable
  private Content startDownload(final Context context, final ProxyTarget target) throws IOException {
    Optional<DistributionLink> link = linkFor(context, target);
    if (link.isEmpty()) {
      return null;
    }
    Content remote = fetch(link.get().url(), context, null);
    if (remote == null) {
      return null;
    }
    return downloads.stream(target, link.get().url(), remote,
        file -> storeDownloaded(target, link.get(), file, remote),
        () -> content().find(target.path()).orElseThrow(() -> new IOException(target.path() + " is gone"))
            .download().openInputStream());
  }

  /**
   * The size the page gives, or else the one a HEAD upstream gives; the file itself is fetched by the first GET.
   * Nothing is cached, so the next HEAD asks again.
   */
  @Nullable
  private Content headOfFileNotCached(final Context context, final ProxyTarget target) throws IOException {
    Optional<DistributionLink> link = linkFor(context, target);
    if (link.isEmpty()) {
      return null;
    }
    Long size = link.get().size();
    if (size == null) {
      Optional<Long> upstreamSize = upstream.size(facet(HttpClientFacet.class).getHttpClient(),
          getRemoteUrl().resolve(link.get().url()));
      if (upstreamSize.isEmpty()) {
        return null;
      }
      size = upstreamSize.get();
    }
    return new Content(new StreamPayload(() -> {
      throw new IOException("The answer to a HEAD has no body");
    }, size, DistributionContentTypes.of(target.filename())));
  }

  private void storeDownloaded(final ProxyTarget target, final DistributionLink link, final Path file,
                               final Content remote) throws IOException
  {
    try (TempBlob blob = content().blobs().ingest(file, DistributionContentTypes.of(target.filename()), HASHING,
        false)) {
      // Nexus's download handler sees only the stream, not the asset stored behind it; cleanup by last
      // download must not take a file fetched for a client as one nobody asked for.
      storeFile(target, link, blob, remote).markAsDownloaded();
    }
  }

  private Content storePage(final ProxyTarget target, final Content fetched) throws IOException {
    return upstreamPage.store(content(), target, fetched, upstreamUrl(target));
  }

  private FluentAsset storeFile(final ProxyTarget target, final DistributionLink link, final TempBlob blob,
                                final Content fetched) throws IOException
  {
    boolean metadata = target.kind() == Kind.METADATA;
    UpstreamHashes.verify(metadata && link.coreMetadata() != null ? link.coreMetadata().hashes()
        : metadata ? Map.of() : link.hashes(), blob.getHashes(), target.path());
    Map<String, Object> attributes = new HashMap<>();
    attributes.put(P_FILENAME, metadata ? target.filename() + PypiPaths.METADATA_SUFFIX : target.filename());
    attributes.put(P_SHA256, blob.getHashes().get(SHA256).toString());
    attributes.put(P_SIZE, blob.getBlob().getMetrics().getContentSize());
    if (!metadata && link.requiresPython() != null) {
      attributes.put(P_REQUIRES_PYTHON, link.requiresPython());
    }
    String version = PypiPaths.versionOf(target.path()).orElse(ProxiedLinks.NO_VERSION);
    return content().storeFetched(target.path(), metadata ? KIND_METADATA : KIND_DISTRIBUTION,
        Optional.of(new Release(target.project(), version)), blob, attributes, fetched);
  }

  /** PEP 658 for a wheel whose upstream offers no metadata file: its own METADATA, read from the cached wheel. */
  private Content metadataOfWheel(final Context context, final ProxyTarget target) throws IOException {
    Content wheel = get(contextFor(context, ProxyTarget.of(target.distributionPath()).orElseThrow()));
    if (wheel == null) {
      return null;
    }
    byte[] metadata;
    try (InputStream in = wheel.openInputStream()) {
      metadata = wheelMetadata.read(in, target.filename());
    }
    Content extracted = new Content(new BytesPayload(metadata, ContentTypes.TEXT_PLAIN));
    extracted.getAttributes().set(CacheInfo.class, getCacheController(context).current());
    return extracted;
  }

  private static Optional<DistributionLink> find(final Content kept, final String filename) {
    try (InputStream in = kept.openInputStream()) {
      return ProxiedLinks.find(in, filename);
    }
    catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Where upstream has the page: relative to the remote URL, which is the index URL. */
  private URI upstreamUrl(final ProxyTarget target) {
    return getRemoteUrl().resolve(target.upstreamPath());
  }

  private Context contextFor(final Context context, final ProxyTarget target) {
    Request request = new Request.Builder().action(HttpMethods.GET).path(target.path()).build();
    return new Context(context.getRepository(), request);
  }

  private static ProxyTarget target(final Context context) {
    String path = context.getRequest().getPath();
    return ProxyTarget.of(path).orElseThrow(() -> new IllegalArgumentException("Not a proxy path: " + path));
  }

  private PypiContentFacet content() {
    return facet(PypiContentFacet.class);
  }
}
