package io.github.nexuspypi.repository.pypi.internal.hosted;

import java.io.IOException;

import javax.inject.Named;
import javax.inject.Singleton;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.metadata.DistributionInspector;
import io.github.nexuspypi.core.metadata.InspectedDistribution;
import io.github.nexuspypi.core.metadata.InvalidDistributionException;
import io.github.nexuspypi.core.upload.UploadRejectedException;
import io.github.nexuspypi.core.upload.UploadValidator;
import io.github.nexuspypi.core.version.InvalidVersionException;
import io.github.nexuspypi.core.version.Version;
import io.github.nexuspypi.repository.pypi.PreparedDistribution;

/**
 * The repository's side of pypi-core's upload rules, applied to a received upload in Warehouse's order: the form,
 * the digests, then the archive and its own metadata, so that a client is told first what PyPI would tell first.
 * pypi-core's {@code PreparedUpload}, the publisher's side, runs the same form and metadata checks in the order it
 * needs to build the form from the file; the two orders differ because only this side has a form to start from.
 */
@Named
@Singleton
public class DistributionPreparer
{
  private final UploadValidator validator = new UploadValidator();

  private final DistributionInspector inspector = new DistributionInspector();

  public PreparedDistribution prepare(final ReceivedUpload upload) throws UploadRejectedException, IOException {
    DistributionFilename filename = validator.checkForm(upload.form(), upload.filename());
    validator.checkDigests(upload.form(), upload.digests());
    InspectedDistribution inspected;
    try {
      inspected = inspector.inspect(upload.file(), filename);
    }
    catch (InvalidDistributionException e) {
      throw UploadRejectedException.badRequest(e.getMessage());
    }
    validator.checkMetadata(upload.form(), filename, inspected.metadata());
    return new PreparedDistribution(filename, version(filename), inspected,
        validator.pythonVersion(upload.form(), filename), upload.digests(), upload.size(), upload.file());
  }

  private static Version version(final DistributionFilename filename) throws UploadRejectedException {
    try {
      return Version.parse(filename.version());
    }
    catch (InvalidVersionException e) {
      throw UploadRejectedException.badRequest(e.getMessage());
    }
  }
}
