package io.github.nexuspypi.repository.pypi.internal;

import java.io.IOException;

import javax.annotation.Nonnull;
import javax.annotation.Nullable;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.filename.InvalidFilenameException;

import org.sonatype.nexus.common.io.InputStreamSupplier;
import org.sonatype.nexus.mime.MimeRulesSource;
import org.sonatype.nexus.repository.mime.ContentValidator;
import org.sonatype.nexus.repository.mime.DefaultContentValidator;

/**
 * The type every pypi repository stores a distribution file or {@code .metadata} file as: its kind's, from its name
 * ({@link DistributionContentTypes}). Nexus's own validator takes the type its detection reads in the bytes, so a
 * {@code .metadata} file (uploaded, or from a proxy's upstream) whose text looks like a web page would be served as
 * {@code text/html} from the Nexus's origin. Strict validation still runs Nexus's checks; other assets (a proxy's
 * kept pages) are typed by Nexus as before. A hosted repository's files that our own inspection proved never get
 * here ({@code ProvenBlobs}).
 */
@Named(PypiFormat.NAME)
@Singleton
public class PypiContentValidator
    implements ContentValidator
{
  private final DefaultContentValidator nexusValidator;

  @Inject
  public PypiContentValidator(final DefaultContentValidator nexusValidator) {
    this.nexusValidator = nexusValidator;
  }

  @Nonnull
  @Override
  public String determineContentType(final boolean strictContentTypeValidation,
                                     final InputStreamSupplier contentSupplier,
                                     @Nullable final MimeRulesSource mimeRulesSource,
                                     @Nullable final String contentName,
                                     @Nullable final String declaredContentType) throws IOException
  {
    if (contentName == null || !isDistributionOrMetadata(contentName)) {
      return nexusValidator.determineContentType(strictContentTypeValidation, contentSupplier, mimeRulesSource,
          contentName, declaredContentType);
    }
    if (strictContentTypeValidation) {
      nexusValidator.determineContentType(true, contentSupplier, mimeRulesSource, contentName, declaredContentType);
    }
    return DistributionContentTypes.of(contentName);
  }

  private static boolean isDistributionOrMetadata(final String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (PypiPaths.isMetadata(name)) {
      name = name.substring(0, name.length() - PypiPaths.METADATA_SUFFIX.length());
    }
    try {
      DistributionFilename.parse(name);
      return true;
    }
    catch (InvalidFilenameException e) {
      return false;
    }
  }
}
