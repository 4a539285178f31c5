package io.github.nexuspypi.repository.pypi.internal.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.filename.InvalidFilenameException;
import io.github.nexuspypi.core.hash.DigestingInputStream;
import io.github.nexuspypi.core.hash.FileDigests;
import io.github.nexuspypi.core.upload.UploadFields;
import io.github.nexuspypi.core.upload.UploadRejectedException;
import io.github.nexuspypi.repository.pypi.PypiContentFacet;
import io.github.nexuspypi.repository.pypi.internal.hosted.DistributionPreparer;
import io.github.nexuspypi.repository.pypi.internal.hosted.FileConflictException;
import io.github.nexuspypi.repository.pypi.internal.hosted.PypiHostedFacet;
import io.github.nexuspypi.repository.pypi.internal.hosted.ReceivedUpload;

import org.sonatype.nexus.repository.Repository;

import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_PYPI;
import static io.github.nexuspypi.repository.pypi.internal.PypiAttributes.P_SHA256;

/**
 * Imports one file as an upload of it would be stored: spooled to a temporary file while its digests are computed,
 * then given the form a publisher would send ({@link UploadFields#forFile}) and put through the very checks and
 * storage of {@code POST /}. A file the repository already holds with the sha256 its source gives is not even read.
 */
final class FileImporter
{
  /** The prefix {@code LeftoverSpoolFiles} sweeps at start, should Nexus die mid-file. */
  static final String SPOOL_PREFIX = "pypi-import-";

  private final ImportSource source;

  private final Repository repository;

  private final DistributionPreparer preparer;

  private final Path temporaryDirectory;

  FileImporter(final ImportSource source, final Repository repository, final DistributionPreparer preparer,
               final Path temporaryDirectory)
  {
    this.source = source;
    this.repository = repository;
    this.preparer = preparer;
    this.temporaryDirectory = temporaryDirectory;
  }

  /** @return the outcome and, for the ones not imported nor skipped, why */
  ImportedFile importFile(final SourceFile file) {
    DistributionFilename filename;
    try {
      filename = DistributionFilename.parse(file.filename());
    }
    catch (InvalidFilenameException e) {
      return new ImportedFile(file, ImportOutcome.REFUSED, e.getMessage(), 0);
    }
    if (file.sha256() != null && storedWith(filename, file.sha256())) {
      return new ImportedFile(file, ImportOutcome.SKIPPED, null, 0);
    }
    Path spool = null;
    try {
      spool = Files.createTempFile(temporaryDirectory, SPOOL_PREFIX, ".part");
      FileDigests digests;
      long size;
      try (InputStream in = source.open(file)) {
        DigestingInputStream digesting = new DigestingInputStream(in);
        size = Files.copy(digesting, spool, StandardCopyOption.REPLACE_EXISTING);
        digests = digesting.digests();
      }
      String sha256 = file.sha256() != null ? file.sha256() : digests.sha256();
      try (ReceivedUpload upload = new ReceivedUpload(UploadFields.forFile(filename, sha256), file.filename(),
          spool, digests, size)) {
        spool = null;
        PypiHostedFacet.Outcome outcome = repository.facet(PypiHostedFacet.class)
            .importFile(preparer.prepare(upload).from(file.details()));
        return new ImportedFile(file,
            outcome == PypiHostedFacet.Outcome.STORED ? ImportOutcome.IMPORTED : ImportOutcome.SKIPPED, null, size);
      }
    }
    catch (FileConflictException e) {
      return new ImportedFile(file, ImportOutcome.CONFLICT, e.getMessage(), 0);
    }
    catch (UploadRejectedException e) {
      return new ImportedFile(file, ImportOutcome.REFUSED, e.getMessage(), 0);
    }
    catch (IOException | RuntimeException e) {
      return new ImportedFile(file, ImportOutcome.FAILED, e.getMessage() != null ? e.getMessage() : e.toString(), 0);
    }
    finally {
      deleteQuietly(spool);
    }
  }

  private boolean storedWith(final DistributionFilename filename, final String sha256) {
    PypiContentFacet content = repository.facet(PypiContentFacet.class);
    Optional<String> version = content.releaseVersion(filename.projectKey(), filename.parsedVersion());
    return version.flatMap(release -> content.findFile(filename.projectKey(), release, filename))
        .map(asset -> sha256.equalsIgnoreCase(asset.attributes(P_PYPI).get(P_SHA256, String.class)))
        .orElse(false);
  }

  private static void deleteQuietly(final Path spool) {
    if (spool != null) {
      try {
        Files.deleteIfExists(spool);
      }
      catch (IOException e) {
        // The sweep at the next start removes it.
      }
    }
  }
}
