package io.github.nexuspypi.repository.pypi.internal.hosted;

import javax.annotation.Nonnull;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

import io.github.nexuspypi.core.upload.UploadRejectedException;
import io.github.nexuspypi.repository.pypi.PreparedDistribution;
import io.github.nexuspypi.repository.pypi.internal.PypiResponses;

import org.sonatype.goodies.common.ComponentSupport;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Request;
import org.sonatype.nexus.repository.view.Response;

/**
 * {@code POST /} with {@code :action=file_upload}: the legacy upload API that twine, poetry, pdm, flit, hatch, uv
 * and our Jenkins publisher speak.
 */
@Named
@Singleton
public class UploadHandler
    extends ComponentSupport
    implements Handler
{
  private final MultipartUploadReader reader;

  private final DistributionPreparer preparer;

  @Inject
  public UploadHandler(final MultipartUploadReader reader, final DistributionPreparer preparer) {
    this.reader = reader;
    this.preparer = preparer;
  }

  @Nonnull
  @Override
  public Response handle(@Nonnull final Context context) throws Exception {
    Request request = context.getRequest();
    if (!request.isMultipart()) {
      return PypiResponses.badRequest("Uploads are multipart/form-data POSTs with ':action' = 'file_upload',"
          + " as twine sends them.");
    }
    try (ReceivedUpload upload = reader.read(request.getMultiparts())) {
      PreparedDistribution distribution = preparer.prepare(upload);
      PypiHostedFacet.Outcome outcome = context.getRepository().facet(PypiHostedFacet.class).publish(distribution);
      log.info("Upload of {} to {}: {}", distribution.filename().filename(), context.getRepository().getName(),
          outcome);
      return PypiResponses.ok("");
    }
    catch (UploadRejectedException e) {
      log.info("Upload to {} refused: {}", context.getRepository().getName(), e.getMessage());
      return PypiResponses.failure(e.status(), e.getMessage());
    }
    catch (MissingPrivilegeException e) {
      log.info("Upload to {} refused: {}", context.getRepository().getName(), e.getMessage());
      return PypiResponses.forbidden(e.getMessage());
    }
  }
}
