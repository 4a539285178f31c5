package io.github.nexuspypi.core.upload;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.github.nexuspypi.core.filename.DistributionFilename;
import io.github.nexuspypi.core.filename.PackageType;
import io.github.nexuspypi.core.filename.WheelFilename;
import io.github.nexuspypi.core.hash.FileDigests;
import io.github.nexuspypi.core.metadata.CoreMetadata;
import io.github.nexuspypi.core.version.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static io.github.nexuspypi.core.filename.PackageType.BDIST_WHEEL;
import static io.github.nexuspypi.core.filename.PackageType.SDIST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadValidatorTest
{
  private static final String WHEEL = "demo_pkg-1.0.0-py3-none-any.whl";

  private static final String SDIST_NAME = "demo_pkg-1.0.0.tar.gz";

  private final UploadValidator validator = new UploadValidator();

  private static UploadForm wheelForm() {
    return ClientForms.TWINE_6.form("Demo.Pkg", "1.0.0", BDIST_WHEEL, "py3");
  }

  /** The rejection's status and message, which must contain {@code expected}. */
  private static UploadRejectedException rejected(final Executable check, final int status, final String expected) {
    UploadRejectedException e = assertThrows(UploadRejectedException.class, check);
    assertEquals(status, e.status(), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    return e;
  }

  private void rejectsForm(final UploadForm form, final String filename, final String expected) {
    rejected(() -> validator.checkForm(form, filename), 400, expected);
  }

  @ParameterizedTest
  @EnumSource(ClientForms.class)
  void acceptsWhatRealClientsSend(final ClientForms client) throws UploadRejectedException {
    DistributionFilename wheel = validator.checkForm(client.form("Demo.Pkg", "1.0.0", BDIST_WHEEL, "py3"), WHEEL);
    assertInstanceOf(WheelFilename.class, wheel);
    assertEquals("demo-pkg", wheel.projectKey());
    DistributionFilename sdist = validator.checkForm(client.form("demo-pkg", "1.0.0", SDIST, "source"), SDIST_NAME);
    assertEquals(SDIST, sdist.packageType());
  }

  @Test
  void acceptsZipSdistsAndLocalVersions() throws UploadRejectedException {
    validator.checkForm(ClientForms.TWINE_4.form("demo", "1.0", SDIST, "source"), "demo-1.0.zip");
    DistributionFilename local = validator.checkForm(ClientForms.UV.form("torch", "2.1.0+cu118", BDIST_WHEEL,
        "cp311"), "torch-2.1.0+cu118-cp311-cp311-linux_x86_64.whl");
    assertEquals("2.1.0+cu118", local.version());
  }

  @Test
  void answersTheRetiredActionsWithGone() {
    for (String action : new String[] {"submit", "submit_pkg_info"}) {
      UploadForm form = new UploadForm().add(":action", action);
      rejected(() -> validator.checkForm(form, WHEEL), 410,
          "Project pre-registration is no longer required or supported, upload your files instead.");
    }
    rejected(() -> validator.checkForm(new UploadForm().add(":action", "doc_upload"), WHEEL), 410,
        "Uploading documentation is no longer supported, we recommend using https://readthedocs.org/.");
  }

  @Test
  void rejectsMissingAndUnknownActions() {
    rejectsForm(new UploadForm().add("name", "demo"), WHEEL, "Missing ':action' field");
    rejectsForm(new UploadForm().add(":action", "list_classifiers"), WHEEL,
        "Unknown ':action' value 'list_classifiers'");
  }

  @Test
  void saysSoWhenTheFileIsMissing() {
    rejectsForm(wheelForm(), null, "Upload payload does not have a file: send the distribution as the form's "
        + "'content' part");
    // A request without a file is still first of all an upload: setup.py register sends none.
    rejected(() -> validator.checkForm(new UploadForm().add(":action", "submit"), null), 410,
        "Project pre-registration");
  }

  @Test
  void needsNoProtocolVersion() throws UploadRejectedException {
    UploadForm form = new UploadForm();
    for (String name : new String[] {":action", "name", "version", "filetype", "pyversion", "sha256_digest"}) {
      form.add(name, wheelForm().first(name).orElseThrow());
    }
    validator.checkForm(form, WHEEL);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "protocol_version|2|Unknown protocol version '2': this repository speaks protocol_version 1",
      "name|''|'' is an invalid value for Name. Error: This field is required.",
      "name|-demo-|'-demo-' is an invalid value for Name. Error: Start and end with a letter or numeral",
      "version|''|'' is an invalid value for Version. Error: This field is required.",
      "version|1.0-foo|'1.0-foo' is an invalid value for Version. Error: Use a version that complies with PEP 440",
      "filetype|bdist_egg|Use a known file type: 'sdist' or 'bdist_wheel', not 'bdist_egg'.",
      "filetype|''|Use a known file type",
      "pyversion|''|Python version is required for binary distribution uploads",
      "sha256_digest|xyz|Invalid value for sha256_digest. Error: Use a valid, hex-encoded, SHA256 message digest.",
      "blake2_256_digest|abcd|Use a valid, hex-encoded, BLAKE2 message digest.",
      "md5_digest|e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855|hex-encoded, MD5 message digest."
  })
  void rejectsBadFields(final String field, final String value, final String expected) {
    UploadForm form = new UploadForm();
    for (String name : new String[] {":action", "protocol_version", "name", "version", "filetype", "pyversion",
        "sha256_digest", "blake2_256_digest", "md5_digest"}) {
      form.add(name, name.equals(field) ? value : wheelForm().first(name).orElse(ClientForms.MD5));
    }
    rejectsForm(form, WHEEL, expected);
  }

  @Test
  void requiresOneDigestAndAcceptsAnyOne() throws UploadRejectedException {
    UploadForm none = ClientForms.common("demo", "1.0", SDIST, "source", "2.1");
    rejectsForm(none, "demo-1.0.tar.gz", "Include at least one message digest");
    for (DigestField digest : DigestField.values()) {
      String value = digest == DigestField.MD5 ? ClientForms.MD5.toUpperCase() : ClientForms.SHA256;
      UploadForm one = ClientForms.common("demo", "1.0", SDIST, "source", "2.1").add(digest.field(), value);
      validator.checkForm(one, "demo-1.0.tar.gz");
    }
  }

  @Test
  void wantsSourceAsThePythonVersionOfAnSdist() {
    rejectsForm(ClientForms.TWINE_6.form("demo", "1.0", SDIST, "py3"), "demo-1.0.tar.gz",
        "Use 'source' as Python version for an sdist, not 'py3'.");
  }

  @ParameterizedTest
  @EnumSource(ClientForms.class)
  void filesAnSdistUnderSourceWhetherOrNotTheClientSaysSo(final ClientForms client) throws UploadRejectedException {
    UploadForm sdist = client.form("demo", "1.0", SDIST, "source");
    UploadForm wheel = client.form("demo", "1.0", BDIST_WHEEL, "py2.py3");
    DistributionFilename sdistName = validator.checkForm(sdist, "demo-1.0.tar.gz");
    DistributionFilename wheelName = validator.checkForm(wheel, "demo-1.0-py2.py3-none-any.whl");

    assertEquals("source", validator.pythonVersion(sdist, sdistName));
    assertEquals("py2.py3", validator.pythonVersion(wheel, wheelName));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "demo_pkg-1.0.0.tar.bz2|sdist|Invalid file extension: Use .tar.gz, .whl or .zip extension.",
      "demo_pkg-1.0.0-py3.6.egg|sdist|Invalid file extension: Use .tar.gz, .whl or .zip extension.",
      "demo_pkg-1.0.0.tgz|sdist|Invalid file extension: Use .tar.gz, .whl or .zip extension.",
      "demo_pkg-1.0.0-py3-none-any.whl|sdist|Invalid file extension: Extension .whl is invalid for filetype sdist.",
      "demo_pkg-1.0.0.tar.gz|bdist_wheel|Extension .tar.gz is invalid for filetype bdist_wheel.",
      "../demo_pkg-1.0.0.tar.gz|sdist|contains '/' or '\\'",
      "''|sdist|The file name is empty",
      "demo_pkg-1.0.0-x-py3-none-any.whl|bdist_wheel|is not a valid wheel name: the build tag 'x'",
      "demo_pkg.tar.gz|sdist|is not a valid source distribution name",
      "other-1.0.0.tar.gz|sdist|Start filename for 'Demo.Pkg' with 'demo_pkg': the file 'other-1.0.0.tar.gz' does not",
      "demo_pkg-1.0.1.tar.gz|sdist|Version in filename should be '1.0.0' not '1.0.1'"
  })
  void checksTheFileName(final String filename, final String filetype, final String expected) {
    PackageType type = PackageType.fromFormValue(filetype).orElseThrow();
    rejectsForm(ClientForms.TWINE_4.form("Demo.Pkg", "1.0.0", type, type == SDIST ? "source" : "py3"), filename,
        expected);
  }

  @Test
  void escapesControlCharactersInMessages() {
    UploadRejectedException e = rejected(() -> validator.checkForm(wheelForm(), "demo-1.0.tar.gz\r\nX: y"), 400,
        "'demo-1.0.tar.gz\\x0d\\x0aX: y'");
    assertTrue(e.getMessage().chars().noneMatch(c -> c < 32), e.getMessage());
    UploadForm form = new UploadForm().add(":action", "x\ny");
    rejected(() -> validator.checkForm(form, WHEEL), 400, "'x\\x0ay'");
  }

  @ParameterizedTest
  @CsvSource({"demo.pkg, 1.0.0, demo_pkg-1.0.0-py3-none-any.whl", "DEMO_PKG, 1.0rc1, demo_pkg-1.0rc1-py3-none-any.whl",
      "Demo-Pkg, 1.0.post1, demo_pkg-1.0.post1-2-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
      "zope.interface, 6.1, zope_interface-6.1.tar.gz", "demo, 2.1.0+cu118, demo-2.1.0+cu118.zip"})
  void acceptsCanonicalFileNamesWhateverTheFormSpelling(final String name, final String version,
                                                        final String filename)
      throws UploadRejectedException
  {
    PackageType type = filename.endsWith(".whl") ? BDIST_WHEEL : SDIST;
    validator.checkForm(ClientForms.PDM_2_2.form(name, version, type, type == SDIST ? "source" : "py3"), filename);
  }

  @ParameterizedTest
  @CsvSource({
      "demo, 3.0, demo-03.0-py3-none-any.whl, demo-3.0-py3-none-any.whl",
      "demo, 3.0, demo-3.0.0-py3-none-any.whl, demo-3.0-py3-none-any.whl",
      "demo, 3.0.0, demo-3.0-py3-none-any.whl, demo-3.0.0-py3-none-any.whl",
      "demo, 3.0rc1, demo-3.0RC1-py3-none-any.whl, demo-3.0rc1-py3-none-any.whl",
      "Demo.Pkg, 1.0, Demo.Pkg-1.0.0-1-py3-none-any.whl, demo_pkg-1.0-1-py3-none-any.whl",
      "demo, 1.0.post1, demo-1.0-post1.zip, demo-1.0.post1.zip"
  })
  void refusesOtherSpellingsOfTheVersionNamingTheCanonicalName(final String name, final String version,
                                                              final String filename, final String canonical)
  {
    PackageType type = filename.endsWith(".whl") ? BDIST_WHEEL : SDIST;
    rejectsForm(ClientForms.TWINE_6.form(name, version, type, type == SDIST ? "source" : "py3"), filename,
        "Filename '" + filename + "' is invalid, should be '" + canonical + "'");
  }

  @ParameterizedTest
  @CsvSource({
      "demo, Demo-3.0-py3-none-any.whl, demo-3.0-py3-none-any.whl",
      "demo, DEMO-3.0.tar.gz, demo-3.0.tar.gz",
      "Demo.Pkg, demo.pkg-3.0-1-py3-none-any.whl, demo_pkg-3.0-1-py3-none-any.whl",
      "Demo.Pkg, Demo_Pkg-3.0.tar.gz, demo_pkg-3.0.tar.gz",
      "demo-pkg, Demo-Pkg-3.0.tar.gz, demo_pkg-3.0.tar.gz",
      "Demo.Pkg, Demo_Pkg-3.0.zip, demo_pkg-3.0.zip"
  })
  void refusesOtherSpellingsOfTheNameThanTheCanonicalAndTheMetadatasOwn(final String metadataName,
                                                                      final String filename, final String canonical)
      throws Exception
  {
    PackageType type = filename.endsWith(".whl") ? BDIST_WHEEL : SDIST;
    UploadForm form = ClientForms.TWINE_6.form(metadataName, "3.0", type, type == SDIST ? "source" : "py3");
    DistributionFilename parsed = validator.checkForm(form, filename);

    rejected(() -> validator.checkMetadata(form, parsed, metadata(metadataName, "3.0")), 400,
        "Filename '" + filename + "' is invalid, should be '" + canonical + "'");
  }

  /** What setuptools before 69.3 and wheel before 0.41 (Debian 12's) name their files: from the metadata's Name. */
  @ParameterizedTest
  @CsvSource({
      "Tiny.Demo, Tiny.Demo-1.0.0-py3-none-any.whl", "Tiny.Demo, Tiny.Demo-1.0.0.tar.gz",
      "Demo_Pkg, Demo_Pkg-1.0.0-py3-none-any.whl", "Demo_Pkg, Demo-Pkg-1.0.0.tar.gz",
      "demo-pkg, demo_pkg-1.0.0-py3-none-any.whl", "demo-pkg, demo-pkg-1.0.0.tar.gz", "demo-pkg, demo-pkg-1.0.0.zip",
      "Demo.Pkg, demo_pkg-1.0.0-py3-none-any.whl", "Demo.Pkg, demo_pkg-1.0.0.tar.gz"
  })
  void acceptsTheCanonicalNameAndTheMetadatasOwnSpelling(final String metadataName, final String filename)
      throws Exception
  {
    PackageType type = filename.endsWith(".whl") ? BDIST_WHEEL : SDIST;
    UploadForm form = ClientForms.TWINE_4.form(metadataName, "1.0.0", type, type == SDIST ? "source" : "py3");

    validator.checkMetadata(form, validator.checkForm(form, filename), metadata(metadataName, "1.0.0"));
  }

  @Test
  void aReleaseTakesFilesOnlyUnderItsOwnSpelling() throws Exception {
    DistributionFilename filename = validator.checkForm(ClientForms.TWINE_6.form("demo", "1.0.0", BDIST_WHEEL, "py3"),
        "demo-1.0.0-py3-none-any.whl");

    validator.checkReleaseSpelling(filename, Version.parse("1.0.0"));
    rejected(() -> validator.checkReleaseSpelling(filename, Version.parse("1.0")), 400,
        "Filename 'demo-1.0.0-py3-none-any.whl' is invalid, should be 'demo-1.0-py3-none-any.whl'");
  }

  @Test
  void comparesEverySuppliedDigest() throws Exception {
    byte[] content = "wheel bytes".getBytes(StandardCharsets.US_ASCII);
    FileDigests computed = FileDigests.of(new ByteArrayInputStream(content));
    UploadForm honest = new UploadForm().add("md5_digest", computed.md5().toUpperCase())
        .add("sha256_digest", computed.sha256()).add("blake2_256_digest", computed.blake2b256());
    validator.checkDigests(honest, computed);
    validator.checkDigests(new UploadForm().add("sha256_digest", computed.sha256()), computed);
    for (DigestField digest : DigestField.values()) {
      UploadForm form = new UploadForm().add(digest.field(), digest == DigestField.MD5 ? ClientForms.MD5
          : ClientForms.SHA256);
      rejected(() -> validator.checkDigests(form, computed), 400,
          "The digest supplied does not match a digest calculated from the uploaded file.");
    }
  }

  private static CoreMetadata metadata(final String name, final String version) {
    return CoreMetadata.parse(("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n")
        .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void acceptsMetadataThatNamesTheSameRelease() throws Exception {
    UploadForm form = wheelForm();
    DistributionFilename filename = validator.checkForm(form, WHEEL);
    validator.checkMetadata(form, filename, metadata("demo_pkg", "1.0"));
    validator.checkMetadata(form, filename, metadata("Demo.Pkg", "1.0.0"));
  }

  @ParameterizedTest
  @CsvSource({
      "other, 1.0.0, The name 'other' in the metadata of '" + WHEEL + "' does not match the project name 'Demo.Pkg'",
      "'', 1.0.0, is an invalid value for Name. Error: Start and end with a letter or numeral",
      "Demo.Pkg., 1.0.0, 'Demo.Pkg.' is an invalid value for Name",
      "Demo.Pkg, 1.0.1, The version '1.0.1' in the metadata of '" + WHEEL + "' does not match the version '1.0.0'",
      "Demo.Pkg, not-a-version, The version 'not-a-version' in the metadata"
  })
  void rejectsMetadataOfAnotherRelease(final String name, final String version, final String expected)
      throws Exception
  {
    UploadForm form = wheelForm();
    DistributionFilename filename = validator.checkForm(form, WHEEL);
    rejected(() -> validator.checkMetadata(form, filename, metadata(name, version)), 400, expected);
  }

  @Test
  void refusesAMetadataNameThatOnlyLooksLikeTheProjectsName() throws Exception {
    UploadForm form = ClientForms.TWINE_6.form("kit", "1.0", BDIST_WHEEL, "py3");
    DistributionFilename filename = validator.checkForm(form, "kit-1.0-py3-none-any.whl");
    String kelvin = "\u212Ait";

    rejected(() -> validator.checkMetadata(form, filename, metadata(kelvin, "1.0")), 400,
        "'" + kelvin + "' is an invalid value for Name. Error: Start and end with a letter or numeral containing only "
            + "ASCII numeric and '.', '_' and '-'.");
  }

  @Test
  void dropsUnknownValuesAndEscapesNulAsWarehouseDoes() {
    UploadForm form = new UploadForm().add("license", " UNKNOWN\n")
        .add("classifiers", "a").add("classifiers", "UNKNOWN").add("classifiers", "b")
        .add("summary", "x\0y").add("keywords", "unknown");
    assertEquals(Optional.empty(), form.first("license"));
    assertEquals(List.of("a", "b"), form.all("classifiers"));
    assertEquals(Optional.of("x\\x00y"), form.first("summary"));
    assertEquals(Optional.of("unknown"), form.first("keywords"));
    assertEquals(List.of(), form.all("missing"));
  }
}
