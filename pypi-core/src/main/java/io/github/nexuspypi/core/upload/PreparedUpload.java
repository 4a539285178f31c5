package io.github.nexuspypi.core.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.filename.InvalidFilenameException;
import io.github.nexuspypi.core.hash.FileDigests;
import io.github.nexuspypi.core.metadata.CoreMetadata;
import io.github.nexuspypi.core.metadata.DistributionInspector;
import io.github.nexuspypi.core.metadata.InvalidDistributionException;

/**
 * A distribution file checked and ready to publish: what {@code twine check} checks (a valid wheel or sdist name,
 * metadata that is there and names the same release, a long description of a type PyPI renders) and, with the very
 * code a repository runs on arrival, everything the upload form will say. A file that fails is refused before
 * anything is sent.
 * <p>
 * This is the publisher's side of the upload rules. Its order is not Warehouse's because it has no form to start
 * from: it reads the file first (name, archive and metadata, digests), builds the form from what it read, then holds
 * that form to the checks a repository runs on arrival ({@link UploadValidator#checkForm},
 * {@link UploadValidator#checkMetadata}). The repository's side (the Nexus plugin's {@code DistributionPreparer})
 * runs the same checks on a form a client built, in Warehouse's order, so that a client is told first what PyPI
 * would tell first. Checking the digests the form carries would be checking this code against itself, so only the
 * repository does.
 *
 * @param fields   the form fields to send with the file ({@link UploadFields})
 * @param warnings what {@code twine check} would warn of, e.g. a missing description content type
 */
public record PreparedUpload(Path file, DistributionFilename filename, CoreMetadata metadata,
                             List<Map.Entry<String, String>> fields, long size, List<String> warnings)
{
  /** The long description types PyPI renders (readme_renderer's). */
  private static final Set<String> RENDERED_TYPES = Set.of("text/plain", "text/x-rst", "text/markdown");

  public PreparedUpload {
    fields = List.copyOf(fields);
    warnings = List.copyOf(warnings);
  }

  /**
   * Reads and checks one file: its name, its archive and metadata, its digests (one pass over the bytes).
   *
   * @throws UploadRejectedException what is wrong, beginning with the file's name
   * @throws IOException             the file could not be read
   */
  public static PreparedUpload prepare(final Path file) throws UploadRejectedException, IOException {
    String name = file.getFileName().toString();
    try {
      DistributionFilename filename = DistributionFilename.parse(name);
      CoreMetadata metadata = new DistributionInspector().inspect(file, filename).metadata();
      FileDigests digests;
      try (InputStream in = Files.newInputStream(file)) {
        digests = FileDigests.of(in);
      }
      List<Map.Entry<String, String>> fields = UploadFields.of(filename, metadata, digests);
      UploadForm form = UploadFields.asForm(fields);
      UploadValidator validator = new UploadValidator();
      validator.checkForm(form, name);
      validator.checkMetadata(form, filename, metadata);
      return new PreparedUpload(file, filename, metadata, fields, Files.size(file), descriptionWarnings(metadata));
    }
    catch (InvalidFilenameException | InvalidDistributionException e) {
      throw rejected(name, e.getMessage());
    }
    catch (UploadRejectedException e) {
      throw rejected(name, e.getMessage());
    }
  }

  private static List<String> descriptionWarnings(final CoreMetadata metadata) throws UploadRejectedException {
    List<String> warnings = new ArrayList<>();
    Optional<String> type = metadata.descriptionContentType();
    if (type.isEmpty()) {
      warnings.add("`long_description_content_type` missing: PyPI renders the description as reStructuredText.");
    }
    else {
      String mediaType = type.get().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
      if (!RENDERED_TYPES.contains(mediaType)) {
        throw new UploadRejectedException(UploadRejectedException.BAD_REQUEST, "the description's content type '"
            + type.get() + "' is not one PyPI renders (text/plain, text/x-rst, text/markdown).");
      }
    }
    if (metadata.description().filter(description -> !description.isBlank()).isEmpty()) {
      warnings.add("`long_description` missing.");
    }
    return warnings;
  }

  private static UploadRejectedException rejected(final String name, final String problem) {
    return new UploadRejectedException(UploadRejectedException.BAD_REQUEST, name + ": " + problem);
  }
}
