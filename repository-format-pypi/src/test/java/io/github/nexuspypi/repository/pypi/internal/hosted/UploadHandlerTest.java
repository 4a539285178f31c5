package io.github.nexuspypi.repository.pypi.internal.hosted;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.nexuspypi.core.upload.UploadRejectedException;
import io.github.nexuspypi.repository.pypi.PreparedDistribution;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.sonatype.nexus.repository.Repository;
import org.sonatype.nexus.repository.http.HttpMethods;
import org.sonatype.nexus.repository.view.Context;
import org.sonatype.nexus.repository.view.PartPayload;
import org.sonatype.nexus.repository.view.Request;
import org.sonatype.nexus.repository.view.Response;
import org.sonatype.nexus.repository.view.payloads.BytesPayload;

import static io.github.nexuspypi.repository.pypi.internal.Exchanges.text;
import static io.github.nexuspypi.repository.pypi.internal.hosted.FakePart.field;
import static io.github.nexuspypi.repository.pypi.internal.hosted.FakePart.file;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

@ExtendWith(MockitoExtension.class)
class UploadHandlerTest
{
  private static final String SDIST = "demo-1.0.tar.gz";

  private static final byte[] BYTES = "sdist bytes".getBytes(StandardCharsets.US_ASCII);

  @TempDir
  Path temporary;

  @Mock
  private Repository repository;

  @Mock
  private DistributionPreparer preparer;

  @Mock
  private PypiHostedFacet hosted;

  private UploadHandler handler;

  @BeforeEach
  void setUp() {
    handler = new UploadHandler(new MultipartUploadReader(temporary), preparer);
    lenient().when(repository.getName()).thenReturn("pypi-hosted");
    lenient().when(repository.facet(PypiHostedFacet.class)).thenReturn(hosted);
  }

  private Response post(final List<PartPayload> parts) throws Exception {
    return handler.handle(new Context(repository, new Request.Builder().action(HttpMethods.POST).path("/")
        .multipart(true).multiparts(parts).build()));
  }

  private static List<PartPayload> twineUpload() {
    return List.of(field(":action", "file_upload"), field("name", "demo"), field("version", "1.0"),
        field("filetype", "sdist"), field("pyversion", "source"), file("content", SDIST, BYTES));
  }

  /** The preparer accepts the upload after checking that the file it was given holds the uploaded bytes. */
  private void prepareAccepting() throws Exception {
    when(preparer.prepare(any())).thenAnswer(call -> {
      ReceivedUpload upload = call.getArgument(0);
      assertEquals("demo", upload.form().first("name").orElseThrow());
      assertArrayEquals(BYTES, Files.readAllBytes(upload.file()));
      return Distributions.prepared(upload.filename(), "sha256", upload.file());
    });
  }

  @Test
  void aBodyThatIsNotMultipartIsRefusedWithAMessage() throws Exception {
    Response response = handler.handle(new Context(repository, new Request.Builder().action(HttpMethods.POST)
        .path("/").payload(new BytesPayload(BYTES, "application/octet-stream")).build()));

    assertEquals(400, response.getStatus().getCode());
    assertTrue(response.getStatus().getMessage().startsWith("Uploads are multipart/form-data POSTs"),
        response.getStatus().getMessage());
    assertEquals(response.getStatus().getMessage() + "\n", text(response));
    verifyNoInteractions(preparer, hosted);
  }

  @Test
  void anAcceptedUploadIsPublishedAndItsFileRemoved() throws Exception {
    prepareAccepting();
    when(hosted.publish(any())).thenAnswer(call -> {
      PreparedDistribution distribution = call.getArgument(0);
      assertArrayEquals(BYTES, Files.readAllBytes(distribution.file()));
      return PypiHostedFacet.Outcome.STORED;
    });

    Response response = post(twineUpload());

    assertEquals(200, response.getStatus().getCode());
    verify(hosted).publish(any());
    SpoolDirectory.assertEmpty(temporary);
  }

  @Test
  void anUnchangedReuploadSucceedsToo() throws Exception {
    prepareAccepting();
    when(hosted.publish(any())).thenReturn(PypiHostedFacet.Outcome.UNCHANGED);

    assertEquals(200, post(twineUpload()).getStatus().getCode());
    SpoolDirectory.assertEmpty(temporary);
  }

  @Test
  void aFormTheReaderRefusesIsAnsweredWithItsMessage() throws Exception {
    List<PartPayload> parts = List.of(file("content", SDIST, BYTES),
        field("description", "d".repeat(MultipartUploadReader.MAX_FIELD_BYTES + 1)));

    Response response = post(parts);

    assertEquals(400, response.getStatus().getCode());
    assertEquals("The form field 'description' is larger than 4 MiB.", response.getStatus().getMessage());
    verifyNoInteractions(preparer, hosted);
    SpoolDirectory.assertEmpty(temporary);
  }

  @Test
  void aBrokenUploadStreamFailsAndLeavesNothing() throws Exception {
    List<PartPayload> parts = List.of(field(":action", "file_upload"),
        file("content", SDIST, new byte[100_000]).failingAfter(10_000));

    assertThrows(IOException.class, () -> post(parts));

    verifyNoInteractions(preparer, hosted);
    SpoolDirectory.assertEmpty(temporary);
  }

  @Test
  void aDistributionThePreparerRefusesIsAnsweredWithItsMessage() throws Exception {
    when(preparer.prepare(any())).thenThrow(UploadRejectedException.badRequest(
        "Filename 'demo-1.0.tar.gz' does not match the form's version '2.0'."));

    Response response = post(twineUpload());

    assertEquals(400, response.getStatus().getCode());
    assertEquals("Filename 'demo-1.0.tar.gz' does not match the form's version '2.0'.",
        response.getStatus().getMessage());
    assertEquals(response.getStatus().getMessage() + "\n", text(response));
    verifyNoInteractions(hosted);
    SpoolDirectory.assertEmpty(temporary);
  }

  @Test
  void aPreparerFailureLeavesNothing() throws Exception {
    IOException failure = new IOException("No space left on device");
    when(preparer.prepare(any())).thenThrow(failure);

    assertSame(failure, assertThrows(IOException.class, () -> post(twineUpload())));
    SpoolDirectory.assertEmpty(temporary);
  }

  @Test
  void aMissingPrivilegeToPublishIsAForbiddenNamingIt() throws Exception {
    prepareAccepting();
    when(hosted.publish(any())).thenThrow(new MissingPrivilegeException(
        "Adding 'demo-1.0.tar.gz' needs the 'add' privilege."));

    Response response = post(twineUpload());

    assertEquals(403, response.getStatus().getCode());
    assertEquals("Adding 'demo-1.0.tar.gz' needs the 'add' privilege.", response.getStatus().getMessage());
    SpoolDirectory.assertEmpty(temporary);
  }

  @Test
  void aStorageFailureLeavesNothing() throws Exception {
    prepareAccepting();
    IllegalStateException failure = new IllegalStateException("Blob store is read-only");
    when(hosted.publish(any())).thenThrow(failure);

    assertSame(failure, assertThrows(IllegalStateException.class, () -> post(twineUpload())));
    SpoolDirectory.assertEmpty(temporary);
  }
}
