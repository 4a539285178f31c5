package io.github.nexuspypi.core.upload;

import java.util.Optional;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.filename.PackageType;
import io.github.nexuspypi.core.hash.FileDigests;
import io.github.nexuspypi.core.metadata.CoreMetadata;
import io.github.nexuspypi.core.name.ProjectName;
import io.github.nexuspypi.core.version.Version;

import static io.github.nexuspypi.core.upload.UploadRejectedException.badRequest;

/**
 * The checks Warehouse makes on a legacy upload ({@code POST} with {@code :action=file_upload}), in its order and
 * mostly in its words, so that twine, poetry, pdm, flit, hatch and uv users see the messages they know. What needs
 * the repository (permissions, duplicates, size quotas) is left to the caller.
 */
public final class UploadValidator
{
  private static final String NAME_RULE =
      "Start and end with a letter or numeral containing only ASCII numeric and '.', '_' and '-'.";

  private static final String METADATA_HELP =
      " See https://packaging.python.org/specifications/core-metadata for more information.";

  /**
   * Checks the form fields and the file name before the file is read, and returns the parsed file name.
   *
   * @param filename the file name of the {@code content} part, null if the request has no such part
   */
  public DistributionFilename checkForm(final UploadForm form, final String filename) throws UploadRejectedException {
    UploadAction.check(form);
    String name = required(form, "name", "Name");
    if (!ProjectName.isValid(name)) {
      throw invalidField(name, "Name", NAME_RULE);
    }
    String versionText = required(form, "version", "Version");
    // Warehouse refuses local versions ("The use of local versions in ... is not allowed.") because PEP 440 keeps
    // them out of public indexes: they mark private builds of a project. A private index is where such builds
    // live (1.0+corp.2, torch's +cu118 wheels), so they are accepted here.
    Version version = Version.tryParse(versionText).orElseThrow(() -> invalidField(versionText, "Version",
        "Use a version that complies with PEP 440, e.g. 1.0, 2.1.3, 1.0rc1, 1.0.post1."));
    PackageType type = checkFiletype(form);
    checkDigestFields(form);
    if (filename == null) {
      throw badRequest("Upload payload does not have a file: send the distribution as the form's 'content' part, "
          + "as twine does.");
    }
    DistributionFilename parsed = UploadFilename.check(filename, type);
    if (!parsed.projectKey().equals(ProjectName.normalize(name))) {
      throw badRequest("Start filename for '" + name + "' with '" + ProjectName.fileNamePrefix(name) + "': the file '"
          + filename + "' does not belong to the project named in the 'name' field.");
    }
    if (!parsed.parsedVersion().equals(version)) {
      throw badRequest("Version in filename should be '" + versionText + "' not '" + parsed.version() + "': the file "
          + "name and the 'version' field must name the same release.");
    }
    FilenameSpelling.checkVersion(parsed, version);
    return parsed;
  }

  /**
   * Refuses a file whose name writes its version otherwise than its release is spelled ({@code 1.0.0} for release
   * {@code 1.0}, which PEP 440 makes one): it would be one more copy of a file of the release.
   *
   * @param release the release's version as the repository spells it
   */
  public void checkReleaseSpelling(final DistributionFilename filename, final Version release)
      throws UploadRejectedException
  {
    FilenameSpelling.checkVersion(filename, release);
  }

  /**
   * The Python version the file is filed under, which the Warehouse JSON API shows as {@code python_version}: the
   * form's {@code pyversion}, or {@code source} for an sdist sent without one (twine 4 and flit send none), as
   * Warehouse fills it in.
   */
  public String pythonVersion(final UploadForm form, final DistributionFilename filename) {
    return form.given("pyversion").orElse(filename.packageType() == PackageType.SDIST ? "source" : "");
  }

  private static String required(final UploadForm form, final String field, final String label)
      throws UploadRejectedException
  {
    return form.given(field).orElseThrow(() -> invalidField("", label, "This field is required."));
  }

  private static UploadRejectedException invalidField(final String value, final String field, final String error) {
    return badRequest("'" + value + "' is an invalid value for " + field + ". Error: " + error + METADATA_HELP);
  }

  private static PackageType checkFiletype(final UploadForm form) throws UploadRejectedException {
    Optional<String> filetype = form.given("filetype");
    PackageType type = filetype.flatMap(PackageType::fromFormValue).orElseThrow(() -> badRequest(
        "Invalid value for filetype. Error: Use a known file type: 'sdist' or 'bdist_wheel', not '"
            + filetype.orElse("") + "'."));
    Optional<String> pyversion = form.given("pyversion");
    if (type == PackageType.BDIST_WHEEL && pyversion.isEmpty()) {
      throw badRequest("Python version is required for binary distribution uploads: send the wheel's python tag "
          + "(e.g. 'py3') as 'pyversion'.");
    }
    if (type == PackageType.SDIST && pyversion.filter(value -> !value.equals("source")).isPresent()) {
      throw badRequest("Use 'source' as Python version for an sdist, not '" + pyversion.get() + "'.");
    }
    return type;
  }

  private static void checkDigestFields(final UploadForm form) throws UploadRejectedException {
    boolean any = false;
    for (DigestField digest : DigestField.values()) {
      Optional<String> value = form.given(digest.field());
      if (value.isPresent()) {
        digest.checkFormat(value.get());
        any = true;
      }
    }
    if (!any) {
      throw badRequest("Include at least one message digest: 'sha256_digest' (or 'md5_digest', "
          + "'blake2_256_digest').");
    }
  }

  /** Compares every digest the client sent with the server's digests of the bytes received. */
  public void checkDigests(final UploadForm form, final FileDigests computed) throws UploadRejectedException {
    for (DigestField digest : DigestField.values()) {
      Optional<String> value = form.given(digest.field());
      if (value.isPresent() && !digest.matches(value.get(), computed)) {
        throw badRequest("The digest supplied does not match a digest calculated from the uploaded file.");
      }
    }
  }

  /**
   * Checks that the file describes itself as the release it is uploaded as: its own Name and Version must be the
   * form's and the file name's, compared normalised.
   */
  public void checkMetadata(final UploadForm form, final DistributionFilename filename, final CoreMetadata metadata)
      throws UploadRejectedException
  {
    // Compared normalised, a look-alike would pass: the Kelvin sign (U+212A) lower-cases to the letter k.
    if (!ProjectName.isValid(metadata.name())) {
      throw invalidField(metadata.name(), "Name", NAME_RULE);
    }
    String name = form.given("name").orElse(filename.distribution());
    if (!ProjectName.normalize(metadata.name()).equals(ProjectName.normalize(name))
        || !ProjectName.normalize(metadata.name()).equals(filename.projectKey())) {
      throw badRequest("The name '" + metadata.name() + "' in the metadata of '" + filename.filename()
          + "' does not match the project name '" + name + "' of the upload; build the file again from the "
          + "project it is uploaded as.");
    }
    String version = form.given("version").orElse(filename.version());
    Optional<Version> own = Version.tryParse(metadata.version());
    if (own.isEmpty() || !own.equals(Version.tryParse(version)) || !own.get().equals(filename.parsedVersion())) {
      throw badRequest("The version '" + metadata.version() + "' in the metadata of '" + filename.filename()
          + "' does not match the version '" + version + "' of the upload; build the file again for that version.");
    }
    FilenameSpelling.checkName(filename, metadata.name(), own.get());
  }
}
