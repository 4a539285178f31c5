package io.github.nexuspypi.repository.pypi.internal.hosted;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;

import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

import io.github.nexuspypi.core.hash.DigestingInputStream;
import io.github.nexuspypi.core.upload.UploadForm;
import io.github.nexuspypi.core.upload.UploadRejectedException;

import org.sonatype.nexus.common.app.ApplicationDirectories;
import org.sonatype.nexus.repository.view.PartPayload;

/**
 * Reads the legacy upload API's multipart body as it streams in: form fields into memory within fixed bounds, the
 * {@code content} file onto disk while its digests are computed, so that no upload, however large, is held in
 * memory.
 */
@Named
@Singleton
public class MultipartUploadReader
{
  static final String FILE_FIELD = "content";

  // A long description (a project's README) is the largest legitimate field.
  static final int MAX_FIELD_BYTES = 4 * 1024 * 1024;

  static final int MAX_FORM_BYTES = 16 * 1024 * 1024;

  // twine sends some 30 fields plus one per classifier and requirement; a body of many tiny parts is an attack.
  static final int MAX_PARTS = 1000;

  private final Path temporaryDirectory;

  @Inject
  public MultipartUploadReader(final ApplicationDirectories directories) {
    this(directories.getTemporaryDirectory().toPath());
  }

  MultipartUploadReader(final Path temporaryDirectory) {
    this.temporaryDirectory = temporaryDirectory;
  }

  ReceivedUpload read(final Iterable<PartPayload> parts) throws IOException, UploadRejectedException {
    UploadForm form = new UploadForm();
    long formBytes = 0;
    String filename = null;
    Path file = null;
    DigestingInputStream digesting = null;
    long size = 0;
    int partCount = 0;
    try {
      Iterator<PartPayload> iterator = iterator(parts);
      while (hasNext(iterator)) {
        PartPayload part = next(iterator);
        if (++partCount > MAX_PARTS) {
          throw UploadRejectedException.badRequest("The upload has more than " + MAX_PARTS + " parts.");
        }
        if (!part.isFormField() && FILE_FIELD.equals(part.getFieldName()) && file == null) {
          filename = part.getName();
          file = Files.createTempFile(temporaryDirectory, "pypi-upload-", ".part");
          try (InputStream in = part.openInputStream()) {
            digesting = new DigestingInputStream(in);
            size = Files.copy(digesting, file, StandardCopyOption.REPLACE_EXISTING);
          }
        }
        else if (part.isFormField()) {
          byte[] value = readField(part);
          formBytes += value.length;
          if (formBytes > MAX_FORM_BYTES) {
            throw UploadRejectedException.badRequest("The upload form is larger than " + megabytes(MAX_FORM_BYTES)
                + " MiB without its file.");
          }
          form.add(part.getFieldName(), new String(value, StandardCharsets.UTF_8));
        }
        else {
          // A legacy gpg_signature or a second file: not kept, but read so the request completes.
          try (InputStream in = part.openInputStream()) {
            in.transferTo(OutputStream.nullOutputStream());
          }
        }
      }
    }
    catch (IOException | UploadRejectedException | RuntimeException e) {
      if (file != null) {
        Files.deleteIfExists(file);
      }
      throw e;
    }
    return new ReceivedUpload(form, filename, file, digesting == null ? null : digesting.digests(), size);
  }

  /*
   * Nexus's part iterator wraps a body that is not valid multipart in a RuntimeException: that is the client's fault.
   * Any of the three calls may read the body: creating the iterator already reads the first part's headers (and
   * refuses more than 10 KiB of them), hasNext() and next() read up to the next part.
   */
  private static Iterator<PartPayload> iterator(final Iterable<PartPayload> parts) throws UploadRejectedException {
    try {
      return parts.iterator();
    }
    catch (RuntimeException e) {
      throw unreadable(e);
    }
  }

  private static boolean hasNext(final Iterator<PartPayload> iterator) throws UploadRejectedException {
    try {
      return iterator.hasNext();
    }
    catch (RuntimeException e) {
      throw unreadable(e);
    }
  }

  private static PartPayload next(final Iterator<PartPayload> iterator) throws UploadRejectedException {
    try {
      return iterator.next();
    }
    catch (RuntimeException e) {
      throw unreadable(e);
    }
  }

  private static UploadRejectedException unreadable(final RuntimeException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return UploadRejectedException.badRequest("The multipart body could not be read: " + cause.getMessage());
  }

  private static byte[] readField(final PartPayload part) throws IOException, UploadRejectedException {
    try (InputStream in = part.openInputStream()) {
      ByteArrayOutputStream value = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int read;
      while ((read = in.read(buffer)) != -1) {
        if (value.size() + read > MAX_FIELD_BYTES) {
          throw UploadRejectedException.badRequest("The form field '" + part.getFieldName() + "' is larger than "
              + megabytes(MAX_FIELD_BYTES) + " MiB.");
        }
        value.write(buffer, 0, read);
      }
      return value.toByteArray();
    }
  }

  private static int megabytes(final int bytes) {
    return bytes / (1024 * 1024);
  }
}
