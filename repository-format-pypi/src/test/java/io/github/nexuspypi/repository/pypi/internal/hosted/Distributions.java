package io.github.nexuspypi.repository.pypi.internal.hosted;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.hash.FileDigests;
import io.github.nexuspypi.core.metadata.CoreMetadata;
import io.github.nexuspypi.core.metadata.InspectedDistribution;
import io.github.nexuspypi.repository.pypi.PreparedDistribution;

/**
 * Distributions as the preparer hands them on: checked, with their metadata, waiting in a file.
 */
final class Distributions
{
  private Distributions() {
  }

  /** A file of project {@code demo} whose contents hash to {@code sha256}. */
  static PreparedDistribution prepared(final String filename, final String sha256, final Path file)
      throws Exception
  {
    DistributionFilename parsed = DistributionFilename.parse(filename);
    byte[] metadata = ("Metadata-Version: 2.1\nName: demo\nVersion: " + parsed.version() + "\n")
        .getBytes(StandardCharsets.UTF_8);
    return new PreparedDistribution(parsed, parsed.parsedVersion(),
        new InspectedDistribution(CoreMetadata.parse(metadata), metadata),
        parsed.filename().endsWith(".whl") ? "py3" : "source",
        new FileDigests("md5-of-" + filename, sha256, "blake2b-of-" + filename, "sha1-of-" + filename), 1234, file);
  }
}
