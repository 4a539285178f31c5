package io.github.nexuspypi.it.hosted;

import io.github.nexuspypi.it.dists.PrefixedZip;
import io.github.nexuspypi.it.dists.SdistBuilder;
import io.github.nexuspypi.it.dists.WheelBuilder;
import io.github.nexuspypi.it.junit.Nexus;
import io.github.nexuspypi.it.junit.NexusTest;
import io.github.nexuspypi.it.nexus.CountedBlobStore;
import io.github.nexuspypi.it.nexus.RepositoryDefinition;
import io.github.nexuspypi.it.process.ProcessResult;
import io.github.nexuspypi.it.python.IsolatedEnvironment;
import io.github.nexuspypi.it.python.PythonClients;
import io.github.nexuspypi.it.upload.LegacyUpload;
import io.github.nexuspypi.it.upload.LegacyUploadClient;
import io.github.nexuspypi.it.upload.UploadResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every upload the hosted repository must refuse gets the status and a message that names what to fix, in the
 * reason phrase (which twine shows) and in the body, and leaves nothing behind: no component, no asset, no blob.
 */
@NexusTest
class UploadValidationIT
{
  private static final String PROJECT = "upload-rules";

  private static final String VERSION = "1.0";

  private static final String NOT_A_DIGEST = "0".repeat(64);

  private static Nexus nexus;

  private static PythonClients python;

  @TempDir
  static Path files;

  private static String repository;

  private static CountedBlobStore blobStore;

  private static LegacyUploadClient admin;

  /** A wheel the repository accepts; every case spoils one thing of its upload. */
  private static Path wheel;

  @BeforeAll
  static void createAnEmptyRepository() {
    blobStore = nexus.countedBlobStore(nexus.uniqueName("blobs-validation"));
    repository = nexus.uniqueName("pypi-validation");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", repository, "allow_once", blobStore.name()));
    admin = LegacyUploadClient.to(nexus.http(), repository);
    wheel = WheelBuilder.of(PROJECT, VERSION).writeTo(files.resolve("valid"));
  }

  /** A refused upload: what to send, and the status and message parts to expect. */
  private record Refusal(Function<LegacyUploadClient, UploadResponse> send, int status, List<String> message)
  {
  }

  private static Named<Refusal> refusal(final String description, final Function<LegacyUpload, LegacyUpload> spoil,
                                        final int status, final String... message)
  {
    return Named.of(description, new Refusal(client -> client.upload(spoil.apply(LegacyUpload.of(wheel))), status,
        Arrays.asList(message)));
  }

  /** The upload of a file that is not what its name says, with the file's own (correct) digests. */
  private static Named<Refusal> badFile(final String description, final Function<Path, Path> write,
                                        final String... message)
  {
    return Named.of(description, new Refusal(client -> client.upload(LegacyUpload.of(write.apply(
        files.resolve(description.replaceAll("\\W+", "-"))))), 400, Arrays.asList(message)));
  }

  static Stream<Named<Refusal>> refusals() {
    return Stream.of(
        refusal("a wrong sha256_digest", upload -> upload.set("sha256_digest", NOT_A_DIGEST), 400,
            "The digest supplied does not match a digest calculated from the uploaded file"),
        refusal("a wrong md5_digest as the only digest",
            upload -> upload.remove("sha256_digest").remove("blake2_256_digest").set("md5_digest", "0".repeat(32)),
            400, "The digest supplied does not match"),
        refusal("a wrong blake2_256_digest", upload -> upload.set("blake2_256_digest", NOT_A_DIGEST), 400,
            "The digest supplied does not match"),
        refusal("bytes that changed on the way", upload -> upload.content(write(files.resolve("changed"),
                wheel.getFileName().toString(), "other bytes".getBytes(StandardCharsets.UTF_8))), 400,
            "The digest supplied does not match"),
        refusal("a digest that is not hex", upload -> upload.set("sha256_digest", "not-hex"), 400,
            "Invalid value for sha256_digest", "hex-encoded"),
        refusal("no digest at all",
            upload -> upload.remove("md5_digest").remove("sha256_digest").remove("blake2_256_digest"), 400,
            "Include at least one message digest"),
        refusal("a name the file name does not start with", upload -> upload.set("name", "other-project"), 400,
            "Start filename for 'other-project' with 'other_project'", "upload_rules-1.0-py3-none-any.whl"),
        refusal("a version the file name does not carry", upload -> upload.set("version", "2.0"), 400,
            "Version in filename should be '2.0' not '1.0'"),
        refusal("an invalid version", upload -> upload.set("version", "1.0-final-really"), 400,
            "'1.0-final-really' is an invalid value for Version", "PEP 440"),
        refusal("an invalid project name", upload -> upload.set("name", "-upload-rules-"), 400,
            "'-upload-rules-' is an invalid value for Name"),
        refusal("a path in the file name", upload -> upload.fileName("../" + wheel.getFileName()), 400,
            "Filename '../upload_rules-1.0-py3-none-any.whl' contains '/'"),
        refusal("a Windows path in the file name", upload -> upload.fileName("..\\" + wheel.getFileName()), 400,
            "Filename '..\\upload_rules-1.0-py3-none-any.whl' contains '/' or '\\'"),
        refusal("an extension nobody uploads any more", upload -> upload.fileName("upload_rules-1.0-py3.7.egg"),
            400, "Invalid file extension", ".whl"),
        refusal("a wheel declared as an sdist", upload -> upload.set("filetype", "sdist").set("pyversion", "source"),
            400, "Extension .whl is invalid for filetype sdist"),
        refusal("a wheel file name without tags", upload -> upload.fileName("upload_rules-1.0.whl"), 400,
            "Filename 'upload_rules-1.0.whl' is not a valid wheel name"),
        refusal("no name", upload -> upload.remove("name"), 400,
            "is an invalid value for Name. Error: This field is required."),
        refusal("no version", upload -> upload.remove("version"), 400,
            "is an invalid value for Version. Error: This field is required."),
        refusal("no filetype", upload -> upload.remove("filetype"), 400, "Invalid value for filetype"),
        refusal("no pyversion for a wheel", upload -> upload.remove("pyversion"), 400,
            "Python version is required for binary distribution uploads"),
        refusal("no :action", upload -> upload.remove(":action"), 400, "Missing ':action' field"),
        refusal("an unknown :action", upload -> upload.set(":action", "remove_pkg"), 400,
            "Unknown ':action' value 'remove_pkg'"),
        refusal("the retired :action submit", upload -> upload.set(":action", "submit"), 410,
            "Project pre-registration is no longer required or supported"),
        refusal("the retired :action doc_upload", upload -> upload.set(":action", "doc_upload"), 410,
            "Uploading documentation is no longer supported"),
        refusal("protocol_version 2", upload -> upload.set("protocol_version", "2"), 400,
            "Unknown protocol version '2'"),
        refusal("no file part", LegacyUpload::withoutFile, 400, "does not have a file", "'content'"),
        refusal("a project name that is not normalised in the file name",
            upload -> upload.fileName("Upload_Rules-1.0-py3-none-any.whl"), 400,
            "Filename 'Upload_Rules-1.0-py3-none-any.whl' is invalid, should be 'upload_rules-1.0-py3-none-any.whl'"),
        refusal("a version with a leading zero in the file name",
            upload -> upload.fileName("upload_rules-01.0-py3-none-any.whl"), 400,
            "Filename 'upload_rules-01.0-py3-none-any.whl' is invalid, should be 'upload_rules-1.0-py3-none-any.whl'"),
        refusal("another spelling of the version in the file name",
            upload -> upload.fileName("upload_rules-1.0.0-py3-none-any.whl"), 400,
            "Filename 'upload_rules-1.0.0-py3-none-any.whl' is invalid, should be 'upload_rules-1.0-py3-none-any.whl'"),
        refusal("a form field over 4 MiB", upload -> upload.set("description", "x".repeat(5 * 1024 * 1024)), 400,
            "The form field 'description' is larger than 4 MiB"),
        Named.of("a first part with more than 10 KiB of headers", new Refusal(client -> client.post(
            "multipart/form-data; boundary=" + BOUNDARY, partWithLargeHeaders()), 400,
            List.of("The multipart body could not be read", "Header section has more than 10240 bytes"))),
        Named.of("a POST that is not multipart", new Refusal(client -> client.post(
            "application/x-www-form-urlencoded", ":action=file_upload&name=upload-rules".getBytes(
                StandardCharsets.UTF_8)), 400, List.of("multipart/form-data", "file_upload"))),
        badFile("METADATA naming another project", dir -> WheelBuilder.of(PROJECT, VERSION)
                .file(WheelBuilder.of(PROJECT, VERSION).distInfo() + "/METADATA",
                    "Metadata-Version: 2.1\nName: other-project\nVersion: 1.0\n").writeTo(dir),
            "The name 'other-project' in the metadata of 'upload_rules-1.0-py3-none-any.whl' does not match"),
        badFile("METADATA naming the project with a look-alike letter", dir -> {
          WheelBuilder builder = WheelBuilder.of("kit", VERSION);
          // The Kelvin sign, which lower-cases to the letter k.
          builder.metadata().set("Name", "\u212Ait");
          return builder.writeTo(dir);
        }, "is an invalid value for Name. Error: Start and end with a letter or numeral containing only ASCII"),
        badFile("an sdist named as old setuptools named them", dir -> write(dir, "Upload-Rules-1.0.tar.gz",
                SdistBuilder.of(PROJECT, VERSION).toBytes()),
            "Filename 'Upload-Rules-1.0.tar.gz' is invalid, should be 'upload_rules-1.0.tar.gz'"),
        badFile("METADATA of another version", dir -> {
          WheelBuilder builder = WheelBuilder.of(PROJECT, VERSION);
          builder.metadata().set("Version", "9.9");
          return builder.writeTo(dir);
        }, "The version '9.9' in the metadata of 'upload_rules-1.0-py3-none-any.whl' does not match"),
        badFile("METADATA without a Version", dir -> {
          WheelBuilder builder = WheelBuilder.of(PROJECT, VERSION);
          builder.metadata().set("Version", null);
          return builder.writeTo(dir);
        }, "has no Version field"),
        badFile("a wheel without METADATA", dir -> {
          WheelBuilder builder = WheelBuilder.of(PROJECT, VERSION);
          return builder.omit(builder.distInfo() + "/METADATA").writeTo(dir);
        }, "does not contain the required METADATA file"),
        badFile("a METADATA that inflates to 50 MiB of zeros", dir -> zeroMetadata(dir, 50),
            "upload_rules-1.0.dist-info/METADATA in 'upload_rules-1.0-py3-none-any.whl' is larger than the limit"),
        badFile("a METADATA under the size limit that inflates a thousandfold", dir -> zeroMetadata(dir, 7),
            "upload_rules-1.0.dist-info/METADATA in 'upload_rules-1.0-py3-none-any.whl' expands to more than",
            "zip bomb"),
        badFile("a corrupt archive", dir -> write(dir, wheel.getFileName().toString(),
            "this is not a zip archive".getBytes(StandardCharsets.UTF_8)), "Invalid distribution file"),
        badFile("a truncated wheel", dir -> {
          byte[] whole = read(wheel);
          return write(dir, wheel.getFileName().toString(), Arrays.copyOf(whole, whole.length / 2));
        }, "Invalid distribution file", "upload_rules-1.0-py3-none-any.whl"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void isRefusedWithAMessageAndLeavesNothingBehind(final Refusal refusal) {
    UploadResponse response = refusal.send().apply(admin);

    assertEquals(refusal.status(), response.status(), response::describe);
    for (String part : refusal.message()) {
      assertTrue(response.reason().contains(part), () -> "reason phrase lacks \"" + part + "\": " + response.reason());
      assertTrue(response.body().contains(part), () -> "body lacks \"" + part + "\": " + response.body());
    }
    assertTrue(response.header("Content-Type").orElseThrow().startsWith("text/plain"), response::describe);
    assertRepositoryIsEmpty();
  }

  /**
   * A zip sdist with a web page before its entries passes our inspection, which reads a zip by its central
   * directory, so Nexus's content detection still runs for it and refuses it: a 400 with Nexus's finding, as every
   * other refusal (Nexus's exception handler alone would answer a 404 with its HTML error page).
   */
  @Test
  void aZipSdistStartingWithAWebPageIsRefusedByNexussDetection() {
    Path sdist = write(files.resolve("prefixed"), "upload_rules-1.0.zip", PrefixedZip.of(
        "<!DOCTYPE html><html><body>Not found</body></html>\n".getBytes(StandardCharsets.UTF_8),
        Map.of("upload_rules-1.0/PKG-INFO", SdistBuilder.of(PROJECT, VERSION).pkgInfoBytes())));

    UploadResponse response = admin.upload(LegacyUpload.of(sdist));

    assertEquals(400, response.status(), response::describe);
    for (String part : List.of("Invalid distribution file", "Detected content type [text/html], but expected")) {
      assertTrue(response.reason().contains(part), response::describe);
      assertTrue(response.body().contains(part), response::describe);
    }
    assertTrue(response.header("Content-Type").orElseThrow().startsWith("text/plain"), response::describe);
    assertRepositoryIsEmpty();
  }

  @Test
  void anAnonymousUploadIsChallenged() {
    UploadResponse response = LegacyUploadClient.to(nexus.anonymous(), repository)
        .upload(LegacyUpload.of(wheel));

    assertEquals(401, response.status(), response::describe);
    assertTrue(response.header("WWW-Authenticate").orElseThrow().startsWith("BASIC realm="), response::describe);
    assertRepositoryIsEmpty();
  }

  @Test
  void twineShowsTheMessageToItsUser() {
    WheelBuilder builder = WheelBuilder.of(PROJECT, VERSION);
    builder.metadata().set("Name", "other-project");
    Path renamed = builder.writeTo(files.resolve("twine"));
    IsolatedEnvironment env = python.environment("twine-refused");

    // twine sends the METADATA's name, which the file name does not start with.
    ProcessResult result = env.run(python.twine(), "upload", "--non-interactive", "--disable-progress-bar",
        "--repository-url", nexus.repositoryUri(repository).toString(), "-u", "admin", "-p", nexus.adminPassword(),
        renamed.toString()).requireFailure();

    // twine wraps long lines to its console's width.
    String output = result.output().replaceAll("\\s+", " ");
    assertTrue(output.contains("400 Bad Request"), result::describe);
    assertTrue(output.contains("Start filename for 'other-project' with 'other_project': the file "
        + "'upload_rules-1.0-py3-none-any.whl' does not belong to the project named in the 'name' field."),
        result::describe);
    assertRepositoryIsEmpty();
  }

  /** The counts above can see a stored file: the same wheel, accepted by a repository of the same kind. */
  @Test
  void aValidUploadIsSeenByTheSameCounts() {
    CountedBlobStore otherBlobStore = nexus.countedBlobStore(nexus.uniqueName("blobs-validation-control"));
    String control = nexus.uniqueName("pypi-validation-control");
    nexus.admin().createRepository(RepositoryDefinition.hosted("pypi", control, "allow_once", otherBlobStore.name()));

    UploadResponse response = LegacyUploadClient.to(nexus.http(), control).upload(LegacyUpload.of(wheel)
        .add("classifiers", "Programming Language :: Python :: 3")
        .add("classifiers", "License :: OSI Approved :: MIT License"));

    assertEquals(200, response.status(), response::describe);
    assertEquals(1, nexus.admin().components(control).size());
    assertEquals(2, nexus.admin().assets(control).size(), "the wheel and its .metadata");
    otherBlobStore.assertBlobCount(2);
  }

  private static final String BOUNDARY = "nexus-pypi-it-large-headers";

  /** A body whose first part has a header of 11 000 bytes: commons-fileupload reads at most 10 KiB of them. */
  private static byte[] partWithLargeHeaders() {
    return ("--" + BOUNDARY + "\r\n"
        + "Content-Disposition: form-data; name=\":action\"\r\n"
        + "X-Padding: " + "p".repeat(11_000) + "\r\n"
        + "\r\n"
        + "file_upload\r\n"
        + "--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  private static void assertRepositoryIsEmpty() {
    assertEquals(List.of(), nexus.admin().components(repository), "components");
    assertEquals(List.of(), nexus.admin().assets(repository), "assets");
    blobStore.assertBlobCount(0);
  }

  /** A wheel whose METADATA is that many MiB of zeros, which deflate about a thousandfold. */
  private static Path zeroMetadata(final Path dir, final int mebibytes) {
    WheelBuilder builder = WheelBuilder.of(PROJECT, VERSION);
    return builder.file(builder.distInfo() + "/METADATA", new byte[mebibytes * 1024 * 1024]).writeTo(dir);
  }

  private static Path write(final Path dir, final String name, final byte[] content) {
    try {
      Files.createDirectories(dir);
      return Files.write(dir.resolve(name), content);
    }
    catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(final Path file) {
    try {
      return Files.readAllBytes(file);
    }
    catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
