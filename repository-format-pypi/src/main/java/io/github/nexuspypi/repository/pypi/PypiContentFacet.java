package io.github.nexuspypi.repository.pypi;

import java.io.IOException;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Stream;

import io.github.nexuspypi.core.version.Version;

import org.sonatype.nexus.repository.Facet;
import org.sonatype.nexus.repository.config.WritePolicy;
import org.sonatype.nexus.repository.content.facet.ContentFacet;
import org.sonatype.nexus.repository.content.fluent.FluentAsset;

/**
 * Storage of a PyPI repository: one component per release (normalised project name + version), whose assets are
 * the release's files and their {@code .metadata}.
 */
@Facet.Exposed
public interface PypiContentFacet
    extends ContentFacet
{
  Optional<FluentAsset> find(String path);

  WritePolicy writePolicy();

  /** Every asset of one project, files and metadata, streamed from the database page by page. */
  Stream<FluentAsset> projectAssets(String project);

  /**
   * How the repository spells a release of a project: PEP 440 makes {@code 1.0} and {@code 1.0.0} one release, which
   * keeps the spelling of its first upload.
   */
  Optional<String> releaseVersion(String project, Version version);

  /** Normalised name → name as published, for every project the repository holds. */
  SortedMap<String, String> projects();

  /** Stores the file and its metadata as one release's assets, replacing a file of the same name. */
  FluentAsset store(PreparedDistribution distribution) throws IOException;
}
