package io.github.nexuspypi.repository.pypi.internal.recipe;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.github.nexuspypi.core.index.Yank;
import io.github.nexuspypi.core.metadata.CoreMetadata;
import io.github.nexuspypi.repository.pypi.PreparedDistribution;
import io.github.nexuspypi.repository.pypi.SourceDetails;

import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_BLAKE2B_256;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_FILENAME;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_MD5;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_NAME;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_PACKAGE_TYPE;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_PYTHON_VERSION;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_REQUIRES_PYTHON;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_SHA256;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_SIZE;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_SUMMARY;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_UPLOAD_TIME;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_VERSION;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_YANKED;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_YANKED_REASON;

/**
 * The {@code pypi} attribute maps written for a stored distribution (Nexus keeps them as JSON, hence plain maps).
 */
final class ReleaseAttributes
{
  private ReleaseAttributes() {
  }

  /** The release's attributes, also what Nexus's search indexes. */
  static Map<String, Object> of(final PreparedDistribution distribution) {
    CoreMetadata metadata = distribution.metadata();
    Map<String, Object> attributes = new HashMap<>();
    attributes.put(P_NAME, metadata.name());
    attributes.put(P_VERSION, metadata.version());
    metadata.summary().ifPresent(summary -> attributes.put(P_SUMMARY, summary));
    metadata.requiresPython().ifPresent(requires -> attributes.put(P_REQUIRES_PYTHON, requires));
    return attributes;
  }

  /** @param uploadTime when the file arrived, unless its source index said when it was uploaded there */
  static Map<String, Object> ofFile(final PreparedDistribution distribution, final Instant uploadTime) {
    Map<String, Object> attributes = of(distribution);
    attributes.put(P_FILENAME, distribution.filename().filename());
    attributes.put(P_PACKAGE_TYPE, distribution.filename().packageType().formValue());
    attributes.put(P_PYTHON_VERSION, distribution.pythonVersion());
    attributes.put(P_SHA256, distribution.digests().sha256());
    attributes.put(P_MD5, distribution.digests().md5());
    attributes.put(P_BLAKE2B_256, distribution.digests().blake2b256());
    attributes.put(P_SIZE, distribution.size());
    SourceDetails source = distribution.source();
    attributes.put(P_UPLOAD_TIME, source.uploadTime().orElse(uploadTime).toString());
    attributes.put(P_YANKED, source.yank().isPresent());
    source.yank().filter(Yank::hasReason).ifPresent(yank -> attributes.put(P_YANKED_REASON, yank.reason()));
    source.requiresPython().ifPresent(requires -> attributes.put(P_REQUIRES_PYTHON, requires));
    return attributes;
  }
}
