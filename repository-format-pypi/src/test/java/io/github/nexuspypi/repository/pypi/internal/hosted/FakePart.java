package io.github.nexuspypi.repository.pypi.internal.hosted;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.sonatype.nexus.repository.view.PartPayload;

/**
 * One part of a multipart upload as Nexus hands it to a handler, which can fail mid-stream like a dropped
 * connection and tells whether it was read to its end.
 */
final class FakePart
    implements PartPayload
{
  private final String fieldName;

  private final String filename;

  private final byte[] bytes;

  private final int failAfter;

  private boolean drained;

  private FakePart(final String fieldName, final String filename, final byte[] bytes, final int failAfter) {
    this.fieldName = fieldName;
    this.filename = filename;
    this.bytes = bytes;
    this.failAfter = failAfter;
  }

  static FakePart field(final String name, final String value) {
    return new FakePart(name, null, value.getBytes(StandardCharsets.UTF_8), -1);
  }

  static FakePart file(final String fieldName, final String filename, final byte[] bytes) {
    return new FakePart(fieldName, filename, bytes, -1);
  }

  /** The same part, whose stream breaks after {@code count} bytes. */
  FakePart failingAfter(final int count) {
    return new FakePart(fieldName, filename, bytes, count);
  }

  boolean drained() {
    return drained;
  }

  @Override
  public String getName() {
    return filename;
  }

  @Override
  public String getFieldName() {
    return fieldName;
  }

  @Override
  public boolean isFormField() {
    return filename == null;
  }

  @Override
  public long getSize() {
    return bytes.length;
  }

  @Override
  public String getContentType() {
    return isFormField() ? "text/plain" : "application/octet-stream";
  }

  @Override
  public InputStream openInputStream() {
    return new InputStream()
    {
      private int position;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(final byte[] buffer, final int offset, final int length) throws IOException {
        if (failAfter >= 0 && position >= failAfter) {
          throw new IOException("Connection reset by peer");
        }
        if (position == bytes.length) {
          drained = true;
          return -1;
        }
        int end = failAfter >= 0 ? Math.min(failAfter, bytes.length) : bytes.length;
        int count = Math.min(length, end - position);
        System.arraycopy(bytes, position, buffer, offset, count);
        position += count;
        return count;
      }
    };
  }
}
