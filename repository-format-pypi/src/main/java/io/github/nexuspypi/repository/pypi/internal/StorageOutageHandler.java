package io.github.nexuspypi.repository.pypi.internal;

import java.util.Optional;

import javax.annotation.Nonnull;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

import org.sonatype.goodies.common.ComponentSupport;
import org.sonatype.nexus.blobstore.api.BlobStore;
import org.sonatype.nexus.blobstore.api.BlobStoreManager;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.Handler;
import org.sonatype.nexus.repository.view.Response;

/**
 * Answers a request that failed while its repository's blob store cannot be reached (an S3 service down, say) with
 * a 503 naming the blob store, instead of Nexus's generic 500: an admin knows where to look, a user that the fault
 * is not theirs, and pip retries a 503. The blob store is asked whether it is reachable only after a failure, so a
 * request that succeeds costs nothing more; a failure while it is reachable stays what it was.
 */
@Named
@Singleton
public class StorageOutageHandler
    extends ComponentSupport
    implements Handler
{
  private final BlobStoreManager blobStores;

  @Inject
  public StorageOutageHandler(final BlobStoreManager blobStores) {
    this.blobStores = blobStores;
  }

  @Nonnull
  @Override
  public Response handle(@Nonnull final Context context) throws Exception {
    try {
      return context.proceed();
    }
    catch (Exception e) {
      Repository repository = context.getRepository();
      Optional<String> unavailable = blobStoreName(repository)
          .filter(name -> isUnavailable(blobStores.get(name)));
      if (unavailable.isEmpty()) {
        throw e;
      }
      log.warn("{} {} in repository {} failed while its blob store {} is unavailable: {}",
          context.getRequest().getAction(), context.getRequest().getPath(), repository.getName(), unavailable.get(),
          e.toString());
      return PypiResponses.failure(503, "Blob store '" + unavailable.get() + "' of repository '"
          + repository.getName() + "' is unavailable; try again once it is back");
    }
  }

  private static Optional<String> blobStoreName(final Repository repository) {
    return Optional.ofNullable(repository.getConfiguration().attributes("storage").get("blobStoreName", String.class));
  }

  private boolean isUnavailable(final BlobStore store) {
    try {
      return store != null && !store.isStorageAvailable();
    }
    catch (RuntimeException e) {
      // Then the request's own failure says more than this one.
      log.debug("Cannot tell whether blob store {} is available", store, e);
      return false;
    }
  }
}
