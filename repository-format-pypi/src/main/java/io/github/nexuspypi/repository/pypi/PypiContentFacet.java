package io.github.nexuspypi.repository.pypi;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.index.ProjectListWriter;
import io.github.nexuspypi.core.version.Version;

import org.sonatype.nexus.repository.Facet;
import org.sonatype.nexus.repository.config.WritePolicy;
import org.sonatype.nexus.repository.content.Asset;
import org.sonatype.nexus.repository.content.facet.ContentFacet;
import org.sonatype.nexus.repository.content.fluent.FluentAsset;
import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.payloads.TempBlob;

/**
 * Storage of a PyPI repository: one component per release (normalised project name + version), whose assets are
 * the release's files and their {@code .metadata}.
 */
@Facet.Exposed
public interface PypiContentFacet
    extends ContentFacet
{
  Optional<FluentAsset> find(String path);

  /**
   * The asset at {@code path} for a download: kept in memory while it does not change, so that a download of a
   * stored file costs no database query. Not for lookups that decide a change.
   */
  Optional<FluentAsset> findToDownload(String path);

  /** Whether {@link #findToDownload} holds the asset at {@code path} in memory now: an answer without any lookup. */
  boolean keepsToDownload(String path);

  WritePolicy writePolicy();

  /**
   * The stored file of a release that is {@code filename} under any of its spellings ({@code Tiny.Demo-1.0.tar.gz}
   * is {@code tiny_demo-1.0.tar.gz}): the file of that very name, else one whose canonical name is the same.
   *
   * @param version the release's version as the repository spells it
   */
  Optional<FluentAsset> findFile(String project, String version, DistributionFilename filename);

  /**
   * Every asset of one project, files and metadata, streamed from the database page by page, to read: plain data
   * whose release and blob are not loaded ({@code assets().with(asset)} makes one to change).
   */
  Stream<Asset> projectAssets(String project);

  /**
   * How the repository spells a release of a project: PEP 440 makes {@code 1.0} and {@code 1.0.0} one release, which
   * keeps the spelling of its first upload.
   */
  Optional<String> releaseVersion(String project, Version version);

  /**
   * Every project the repository holds, once, in the order of their normalised names, as its first release spells
   * it: read from the database a page at a time and sorted on disk, a bounded number held at once, however many there
   * are. The writer is not closed.
   */
  void projects(ProjectListWriter out) throws IOException;

  /**
   * Stores the file and its metadata as one release's assets.
   *
   * @param replace whether a file of the same name is replaced; if not, such a file, though stored only a moment
   *                ago by a concurrent upload, is kept as it is
   * @return false when a file of that name with the same bytes was there already and nothing was stored
   * @throws org.sonatype.nexus.repository.IllegalOperationException when {@code replace} is false and a file of the
   *                                                                 same name holds other bytes
   */
  boolean store(PreparedDistribution distribution, boolean replace) throws IOException;

  /**
   * Stores what a proxy fetched, marked as cached with the fetched content's cache details.
   *
   * @param release the release the asset belongs to (normalised project and version), or none for a cached page
   */
  FluentAsset storeFetched(String path, String kind, Optional<Release> release, TempBlob blob,
                           Map<String, Object> attributes, Content fetched);

  /** A release's coordinates: normalised project name and version. */
  final class Release
  {
    private final String project;

    private final String version;

    public Release(final String project, final String version) {
      this.project = project;
      this.version = version;
    }

    public String project() {
      return project;
    }

    public String version() {
      return version;
    }
  }
}
