package io.github.nexuspypi.repository.pypi.internal.recipe;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.annotation.Nullable;
import javax.inject.Inject;
import javax.inject.Named;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.filename.InvalidFilenameException;
import io.github.nexuspypi.core.index.ProjectListEntry;
import io.github.nexuspypi.core.index.ProjectListWriter;
import io.github.nexuspypi.core.version.Version;
import io.github.nexuspypi.repository.pypi.PreparedDistribution;
import io.github.nexuspypi.repository.pypi.PypiContentFacet;
import io.github.nexuspypi.repository.pypi.internal.DistributionContentTypes;
import io.github.nexuspypi.repository.pypi.internal.PypiAttributes;
import io.github.nexuspypi.repository.pypi.internal.PypiFormat;
import io.github.nexuspypi.repository.pypi.internal.PypiPaths;
import io.github.nexuspypi.repository.pypi.internal.download.AssetsByPath;
import io.github.nexuspypi.repository.pypi.internal.download.DetachedAsset;
import io.github.nexuspypi.repository.pypi.internal.hosted.PypiHostedIndexFacet;
import io.github.nexuspypi.repository.pypi.internal.index.ProjectListSort;
import io.github.nexuspypi.repository.pypi.internal.store.AssetPathPrefix;
import io.github.nexuspypi.repository.pypi.internal.store.PypiAssetDAO;
import io.github.nexuspypi.repository.pypi.internal.store.PypiComponentDAO;

import org.sonatype.nexus.blobstore.api.Blob;
import org.sonatype.nexus.common.app.ApplicationDirectories;
import org.sonatype.nexus.common.hash.HashAlgorithm;
import org.sonatype.nexus.datastore.api.DataSession;
import org.sonatype.nexus.datastore.api.DuplicateKeyException;
import org.sonatype.nexus.repository.IllegalOperationException;
import org.sonatype.nexus.repository.config.WritePolicy;
import org.sonatype.nexus.repository.content.Asset;
import org.sonatype.nexus.repository.content.Component;
import org.sonatype.nexus.repository.content.event.asset.AssetEvent;
import org.sonatype.nexus.repository.content.facet.ContentFacetSupport;
import org.sonatype.nexus.repository.content.fluent.FluentAsset;
import org.sonatype.nexus.repository.content.fluent.FluentComponent;
import org.sonatype.nexus.repository.content.store.ContentStoreEvent;
import org.sonatype.nexus.repository.content.store.FormatStoreManager;
import org.sonatype.nexus.repository.content.store.InternalIds;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.payloads.TempBlob;
import org.sonatype.nexus.transaction.Transactional;
import org.sonatype.nexus.transaction.UnitOfWork;

import com.google.common.eventbus.AllowConcurrentEvents;
import com.google.common.eventbus.Subscribe;

import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.KIND_DISTRIBUTION;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.KIND_METADATA;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_PYPI;
import static org.sonatype.nexus.common.entity.Continuations.BROWSE_LIMIT;
import static org.sonatype.nexus.common.entity.Continuations.streamOf;
import static org.sonatype.nexus.common.hash.HashAlgorithm.MD5;
import static org.sonatype.nexus.common.hash.HashAlgorithm.SHA1;
import static org.sonatype.nexus.common.hash.HashAlgorithm.SHA256;
import static org.sonatype.nexus.repository.view.ContentTypes.TEXT_PLAIN;

@Named(PypiFormat.NAME)
public class PypiContentFacetImpl
    extends ContentFacetSupport
    implements PypiContentFacet
{
  // The checksums Nexus shows for an asset in its UI and search; PyPI's blake2b is kept in our attributes.
  private static final List<HashAlgorithm> HASHING = List.of(MD5, SHA1, SHA256);

  // An asset holds its attributes: some KiB each, so a few tens of MiB at most per repository.
  private static final long DOWNLOADABLE_ASSETS = 10_000;

  // The list of projects is sorted on disk in runs of this many: some MiB of heap, however large the repository.
  private static final int PROJECTS_HELD = 10_000;

  private final AssetsByPath downloadable = new AssetsByPath(DOWNLOADABLE_ASSETS);

  private final ProjectStoreLocks storeLocks;

  private final Path temporaryDirectory;

  private final SpooledFileIngest spooledFiles = new SpooledFileIngest(this);

  private final ProvenBlobs provenBlobs = new ProvenBlobs();

  @Inject
  public PypiContentFacetImpl(@Named(PypiFormat.NAME) final FormatStoreManager formatStoreManager,
                              final ApplicationDirectories directories)
  {
    this(formatStoreManager, directories.getTemporaryDirectory().toPath(), new ProjectStoreLocks());
  }

  PypiContentFacetImpl(final FormatStoreManager formatStoreManager, final Path temporaryDirectory,
                       final ProjectStoreLocks storeLocks)
  {
    super(formatStoreManager);
    this.temporaryDirectory = temporaryDirectory;
    this.storeLocks = storeLocks;
  }

  @Override
  public Optional<FluentAsset> find(final String path) {
    return assets().path(path).find();
  }

  @Override
  public Optional<FluentAsset> findToDownload(final String path) {
    return downloadable.get(path, lookedUp -> find(lookedUp).map(asset -> assets().with(DetachedAsset.of(asset))));
  }

  @Override
  public boolean keepsToDownload(final String path) {
    return downloadable.keeps(path);
  }

  /** Content events come after their commit, on the committing thread, before that request answers. */
  @Subscribe
  @AllowConcurrentEvents
  public void on(final ContentStoreEvent event) {
    if (!event.getRepository().map(repository -> repository.getName().equals(getRepository().getName()))
        .orElse(false)) {
      return;
    }
    if (event instanceof AssetEvent) {
      downloadable.changed(((AssetEvent) event).getAsset().path());
    }
    else {
      downloadable.changedAll();
    }
  }

  @Override
  public Optional<FluentAsset> findFile(final String project, final String version,
                                        final DistributionFilename filename)
  {
    Optional<FluentAsset> sameName = find(PypiPaths.distribution(project, version, filename.filename()));
    if (sameName.isPresent()) {
      return sameName;
    }
    String canonical = filename.canonical();
    // The release's folder is one short query.
    try (Stream<FluentAsset> assets = assetsUnder(PypiPaths.distribution(project, version, ""))) {
      return assets.filter(asset -> KIND_DISTRIBUTION.equals(asset.kind()))
          .filter(asset -> PypiPaths.versionOf(asset.path()).filter(version::equals).isPresent())
          .filter(asset -> canonicalName(asset.path()).filter(canonical::equals).isPresent())
          .findFirst();
    }
  }

  private static Optional<String> canonicalName(final String path) {
    try {
      return Optional.of(DistributionFilename.parse(path.substring(path.lastIndexOf('/') + 1)).canonical());
    }
    catch (InvalidFilenameException e) {
      return Optional.empty();
    }
  }

  @Override
  public WritePolicy writePolicy() {
    return getConfiguredWritePolicy();
  }

  @Override
  public Stream<Asset> projectAssets(final String project) {
    String prefix = PypiPaths.projectPrefix(project);
    return pages(afterPath -> browseAssetsUnder(prefix, afterPath), Asset::path);
  }

  /**
   * The rows of pages read one after another, each from after the last row of the page before ({@code null} for
   * the first), until a page that is not full.
   */
  private static <T, K> Stream<T> pages(final Function<K, List<T>> page, final Function<T, K> lastKey) {
    return Stream.iterate(page.apply(null), rows -> !rows.isEmpty(),
            rows -> rows.size() < BROWSE_LIMIT ? List.of() : page.apply(lastKey.apply(rows.get(rows.size() - 1))))
        .flatMap(List::stream);
  }

  @Transactional
  protected List<Component> browseReleases(@Nullable final Integer afterId) {
    return UnitOfWork.<DataSession<?>>currentSession().access(PypiComponentDAO.class)
        .browseReleases(PypiComponentDAO.releasesAfter(contentRepositoryId(), BROWSE_LIMIT, afterId));
  }

  @Transactional
  protected List<Asset> browseAssetsUnder(final String prefix, @Nullable final String afterPath) {
    return UnitOfWork.<DataSession<?>>currentSession().access(PypiAssetDAO.class)
        .browseAssetsUnder(PypiAssetDAO.assetsUnder(contentRepositoryId(), prefix, BROWSE_LIMIT, afterPath));
  }

  private Stream<FluentAsset> assetsUnder(final String pathPrefix) {
    return streamOf(assets().byFilter(AssetPathPrefix.FILTER, AssetPathPrefix.parameters(pathPrefix))::browse);
  }

  @Override
  public Optional<String> releaseVersion(final String project, final Version version) {
    return components().versions("", project).stream()
        .filter(stored -> Version.tryParse(stored).filter(version::equals).isPresent())
        .findFirst();
  }

  @Override
  public void projects(final ProjectListWriter out) throws IOException {
    try (ProjectListSort sorted = new ProjectListSort(temporaryDirectory, PypiHostedIndexFacet.ROOT_FILES,
        PROJECTS_HELD)) {
      Iterator<Component> releases = pages(this::browseReleases, InternalIds::internalComponentId).iterator();
      while (releases.hasNext()) {
        sorted.add(new ProjectListEntry(displayName(releases.next())));
      }
      sorted.writeTo(out);
    }
  }

  @Override
  public boolean store(final PreparedDistribution distribution, final boolean replace) throws IOException {
    try (TempBlob file = spooledFiles.ingest(distribution.file(),
        DistributionContentTypes.of(distribution.filename().filename()), distribution.digests(), distribution.size());
         TempBlob metadata = blobs().ingest(new ByteArrayInputStream(distribution.metadataFile()), TEXT_PLAIN,
             HASHING);
         ProvenBlobs.Hold proven = provenBlobs.hold(
             ArchiveSignature.startsAsNamed(distribution.file(), distribution.filename().filename())
                 ? List.of(file, metadata) : List.of(metadata))) {
      return storeLocks.holding(distribution.project(), () -> save(distribution, replace, file, metadata));
    }
  }

  /**
   * A file our inspection proved is typed from its name without Nexus's detection, strict or not (the type
   * {@code PypiContentValidator} gives it either way); every other blob goes through Nexus's validation.
   */
  @Override
  protected String determineContentType(final Asset asset, final Blob blob, final boolean strictValidation) {
    return provenBlobs.proves(blob) ? DistributionContentTypes.of(asset.path())
        : super.determineContentType(asset, blob, strictValidation);
  }

  /*
   * Uploads run in parallel: a CI matrix sends the wheels of a new release at once, and they race to create its
   * component; two uploads of one file name race to create its asset. The loser's insert fails with a duplicate key
   * and the whole transaction runs again, as Nexus's own getOrCreate does (a nested retry cannot work: the failed
   * insert spoils the enclosing transaction). The second run finds what the winner committed: the release to add to,
   * or the file, which it must not overwrite unless asked to.
   */
  @Transactional(retryOn = DuplicateKeyException.class)
  protected boolean save(final PreparedDistribution distribution, final boolean replace, final TempBlob file,
                         final TempBlob metadata)
  {
    Optional<String> stored = releaseVersion(distribution.project(), distribution.version());
    String version = stored.orElseGet(() -> distribution.version().toString());
    String path = PypiPaths.distribution(distribution.project(), version, distribution.filename().filename());
    // A release not stored has no file yet: its files are its component's assets.
    if (!replace && stored.isPresent()) {
      Optional<FluentAsset> existing = find(path);
      if (existing.isPresent()) {
        String storedSha256 = existing.get().attributes(P_PYPI).get(PypiAttributes.P_SHA256, String.class);
        if (distribution.digests().sha256().equals(storedSha256)) {
          return false;
        }
        throw new IllegalOperationException("'" + path + "' was stored with other contents meanwhile");
      }
    }
    // Attributes given to the builders are written by the insert itself: an update after it would cost a statement
    // and an event each, for every file stored.
    Map<String, Object> releaseAttributes = ReleaseAttributes.of(distribution);
    FluentComponent release = components()
        .name(distribution.project())
        .version(version)
        .normalizedVersion(versionNormalizerService().getNormalizedVersionByFormat(version, repository().getFormat()))
        .attributes(P_PYPI, releaseAttributes)
        .getOrCreate();
    if (!releaseAttributes.equals(release.attributes(P_PYPI).backing())) {
      release.withAttribute(P_PYPI, releaseAttributes);
    }

    Map<String, Object> fileAttributes = ReleaseAttributes.ofFile(distribution, Instant.now());
    Map<String, Object> metadataAttributes = new HashMap<>();
    metadataAttributes.put(PypiAttributes.P_SHA256, metadata.getHashes().get(SHA256).toString());
    metadataAttributes.put(PypiAttributes.P_SIZE, (long) distribution.metadataFile().length);
    saveAsset(release, path, KIND_DISTRIBUTION, file, fileAttributes, replace);
    saveAsset(release, PypiPaths.metadataOf(path), KIND_METADATA, metadata, metadataAttributes, replace);
    return true;
  }

  private static void saveAsset(final FluentComponent release, final String path, final String kind,
                                final TempBlob blob, final Map<String, Object> attributes, final boolean replace)
  {
    FluentAsset asset = release.asset(path).kind(kind).blob(blob).attributes(P_PYPI, attributes).save();
    if (replace) {
      // A replaced asset's attributes are overlaid on the old ones by the builder: set them whole instead.
      asset.withAttribute(P_PYPI, attributes);
    }
  }

  @Override
  public FluentAsset storeFetched(final String path, final String kind, final Optional<Release> release,
                                  final TempBlob blob, final Map<String, Object> attributes, final Content fetched)
  {
    // A file's store creates or finds its release, as an upload's does; a page's belongs to no release.
    return release.isEmpty() ? saveFetched(path, kind, release, blob, attributes, fetched)
        : storeLocks.holding(release.get().project(),
            () -> saveFetched(path, kind, release, blob, attributes, fetched));
  }

  @Transactional
  protected FluentAsset saveFetched(final String path, final String kind, final Optional<Release> release,
                                    final TempBlob blob, final Map<String, Object> attributes,
                                    final Content fetched)
  {
    FluentAsset asset = release
        .map(coordinates -> components().name(coordinates.project()).version(coordinates.version())
            .normalizedVersion(versionNormalizerService().getNormalizedVersionByFormat(coordinates.version(),
                repository().getFormat()))
            .getOrCreate().asset(path))
        .orElseGet(() -> assets().path(path))
        .kind(kind).blob(blob).save();
    asset.withAttribute(P_PYPI, attributes);
    return asset.markAsCached(fetched);
  }

  private static String displayName(final Component release) {
    Object name = release.attributes(P_PYPI).get(PypiAttributes.P_NAME);
    return name != null ? name.toString() : release.name();
  }

}
