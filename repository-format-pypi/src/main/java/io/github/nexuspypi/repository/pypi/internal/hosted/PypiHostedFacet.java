package io.github.nexuspypi.repository.pypi.internal.hosted;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.annotation.Nullable;

import javax.inject.Inject;
import javax.inject.Named;

import io.github.nexuspypi.core.upload.UploadRejectedException;
import io.github.nexuspypi.core.upload.UploadValidator;
import io.github.nexuspypi.core.version.Version;
import io.github.nexuspypi.repository.pypi.PreparedDistribution;
import io.github.nexuspypi.repository.pypi.PypiContentFacet;
import io.github.nexuspypi.repository.pypi.internal.PypiPaths;

import org.sonatype.nexus.repository.Facet;
import org.sonatype.nexus.repository.FacetSupport;
import org.sonatype.nexus.repository.IllegalOperationException;
import org.sonatype.nexus.repository.InvalidContentException;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.config.WritePolicy;
import org.sonatype.nexus.repository.content.Asset;
import org.sonatype.nexus.repository.content.fluent.FluentAsset;
import org.sonatype.nexus.repository.security.ContentPermissionChecker;
import org.sonatype.nexus.repository.security.VariableResolverAdapter;

import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.KIND_DISTRIBUTION;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_PYPI;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_SHA256;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_YANKED;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_YANKED_REASON;
import static org.sonatype.nexus.security.BreadActions.ADD;
import static org.sonatype.nexus.security.BreadActions.EDIT;

/**
 * Publishing into a hosted repository, and yanking, with PyPI's rules for a file name that is already taken: the same bytes
 * again succeed without storing anything (so a retried job passes), other bytes are refused unless the write policy
 * allows replacing files.
 */
@Named
@Facet.Exposed
public class PypiHostedFacet
    extends FacetSupport
{
  public enum Outcome
  {
    STORED, UNCHANGED
  }

  private final UploadValidator validator = new UploadValidator();

  private final ContentPermissionChecker permissionChecker;

  private final VariableResolverAdapter variableResolverAdapter;

  @Inject
  public PypiHostedFacet(final ContentPermissionChecker permissionChecker,
                         @Named("simple") final VariableResolverAdapter variableResolverAdapter)
  {
    this.permissionChecker = permissionChecker;
    this.variableResolverAdapter = variableResolverAdapter;
  }

  public Outcome publish(final PreparedDistribution distribution)
      throws IOException, UploadRejectedException, MissingPrivilegeException
  {
    PypiContentFacet content = facet(PypiContentFacet.class);
    WritePolicy policy = content.writePolicy();
    checkWritable(policy);
    Optional<String> release = storedRelease(content, distribution);
    String version = release.orElseGet(() -> distribution.version().toString());
    String path = PypiPaths.distribution(distribution.project(), version, distribution.filename().filename());
    // Before the file is looked up: whether it exists, and its hash, are for those who may add it to tell.
    ensurePermitted(ADD, path, "Adding '" + distribution.filename().filename() + "'");
    Optional<FluentAsset> existing = storedFile(content, release, distribution);
    if (existing.isPresent()) {
      if (holdsSameBytes(existing.get(), distribution)) {
        return Outcome.UNCHANGED;
      }
      // A file stored under another spelling of its name is not replaced by a second file beside it.
      if (policy != WritePolicy.ALLOW || !existing.get().path().equals(path)) {
        throw alreadyExists(distribution, existing.get());
      }
      ensurePermitted(EDIT, path, "Replacing '" + distribution.filename().filename() + "'");
    }
    return store(content, distribution, existing.isPresent());
  }

  /**
   * Stores a file an administrator's import brings in: the upload's rules for names and releases, but other bytes
   * under a stored name are a conflict whatever the write policy, since an import must never change what was
   * published. Permissions are the import task's to check, which only administrators create.
   *
   * @throws FileConflictException a file of that name holds other bytes
   */
  public Outcome importFile(final PreparedDistribution distribution) throws IOException, UploadRejectedException {
    PypiContentFacet content = facet(PypiContentFacet.class);
    Optional<FluentAsset> existing = storedFile(content, storedRelease(content, distribution), distribution);
    if (existing.isPresent()) {
      if (holdsSameBytes(existing.get(), distribution)) {
        return Outcome.UNCHANGED;
      }
      throw alreadyExists(distribution, existing.get());
    }
    return store(content, distribution, false);
  }

  /** Refuses every upload into a repository whose write policy denies them. */
  public void checkWritable() throws UploadRejectedException {
    checkWritable(facet(PypiContentFacet.class).writePolicy());
  }

  private void checkWritable(final WritePolicy policy) throws UploadRejectedException {
    if (policy == WritePolicy.DENY) {
      throw UploadRejectedException.badRequest("Repository '" + getRepository().getName()
          + "' is read-only: its write policy denies every upload.");
    }
  }

  /**
   * How the repository spells the file's release, if it holds that release, refusing a file that spells it
   * otherwise.
   */
  private Optional<String> storedRelease(final PypiContentFacet content, final PreparedDistribution distribution)
      throws UploadRejectedException
  {
    Optional<String> release = content.releaseVersion(distribution.project(), distribution.version());
    if (release.isPresent()) {
      validator.checkReleaseSpelling(distribution.filename(),
          Version.tryParse(release.get()).orElse(distribution.version()));
    }
    return release;
  }

  /**
   * A file is an asset of its release's component, so a release the repository does not hold has no file to look
   * up: most files of an import or a CI's publish are a new release's, and the lookup was two queries each.
   */
  private static Optional<FluentAsset> storedFile(final PypiContentFacet content, final Optional<String> release,
                                                  final PreparedDistribution distribution)
  {
    return release.flatMap(version -> content.findFile(distribution.project(), version, distribution.filename()));
  }

  private static boolean holdsSameBytes(final FluentAsset stored, final PreparedDistribution distribution) {
    return distribution.digests().sha256().equals(storedSha256(stored));
  }

  private static String storedSha256(final FluentAsset stored) {
    return stored.attributes(P_PYPI).get(P_SHA256, String.class);
  }

  private static Outcome store(final PypiContentFacet content, final PreparedDistribution distribution,
                               final boolean replace)
      throws IOException, UploadRejectedException
  {
    try {
      return content.store(distribution, replace) ? Outcome.STORED : Outcome.UNCHANGED;
    }
    catch (IllegalOperationException e) {
      // Another upload of the same name committed other bytes between our check and our write.
      throw alreadyExists(distribution, null);
    }
    catch (InvalidContentException e) {
      // Nexus's strict content check, where our inspection did not prove the type: a refusal of the file, which
      // Nexus's own exception handler would answer as a 404 with its HTML error page.
      throw UploadRejectedException.badRequest("Invalid distribution file: " + e.getMessage());
    }
  }

  /**
   * PEP 592: marks every file of a release yanked, with a reason that may be empty, or with {@code null} not
   * yanked. Needs the {@code edit} privilege on each file.
   *
   * @param project normalised name
   * @return false when the repository holds no such release
   */
  public boolean yank(final String project, final Version release, @Nullable final String reason)
      throws MissingPrivilegeException
  {
    PypiContentFacet content = facet(PypiContentFacet.class);
    Optional<String> version = content.releaseVersion(project, release);
    if (version.isEmpty()) {
      return false;
    }
    List<FluentAsset> files;
    try (Stream<Asset> assets = content.projectAssets(project)) {
      files = assets.filter(asset -> KIND_DISTRIBUTION.equals(asset.kind()))
          .filter(asset -> PypiPaths.versionOf(asset.path()).equals(version))
          .map(content.assets()::with)
          .collect(Collectors.toList());
    }
    for (FluentAsset file : files) {
      ensurePermitted(EDIT, file.path(), "Yanking '" + file.path() + "'");
    }
    for (FluentAsset file : files) {
      Map<String, Object> pypi = new HashMap<>(file.attributes(P_PYPI).backing());
      pypi.put(P_YANKED, reason != null);
      if (reason == null || reason.isEmpty()) {
        pypi.remove(P_YANKED_REASON);
      }
      else {
        pypi.put(P_YANKED_REASON, reason);
      }
      file.withAttribute(P_PYPI, pypi);
    }
    return !files.isEmpty();
  }

  private void ensurePermitted(final String action, final String path, final String what)
      throws MissingPrivilegeException
  {
    Repository repository = getRepository();
    String format = repository.getFormat().getValue();
    if (!permissionChecker.isPermitted(repository.getName(), format, action,
        variableResolverAdapter.fromPath(path, format))) {
      throw new MissingPrivilegeException(what + " needs the '" + action
          + "' privilege on repository '" + repository.getName() + "' (nx-repository-view-" + format + "-"
          + repository.getName() + "-" + action + "), which you do not have.");
    }
  }

  // twine's, poetry's and pdm's --skip-existing look for "already exist" in a 400 answer, as PyPI gives it.
  private static FileConflictException alreadyExists(final PreparedDistribution distribution,
                                                     @Nullable final FluentAsset stored)
  {
    String filename = distribution.filename().filename();
    return new FileConflictException("File already exists ('" + filename + "'"
        + (stored == null ? "" : ", with sha256 hash '" + storedSha256(stored) + "'")
        + ") with other contents. Published files do not change here: publish a new version, or skip files"
        + " that already exist (twine upload --skip-existing).");
  }
}
