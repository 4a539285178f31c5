package io.github.nexuspypi.core.hash;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Passes a stream through and computes its {@link FileDigests} on the way, so that an upload is stored and hashed
 * in one pass without being held in memory. Bytes skipped are read and hashed too.
 */
public final class DigestingInputStream
    extends FilterInputStream
{
  private static final int BUFFER = 8192;

  private final MessageDigest md5 = jdkDigest("MD5");

  private final MessageDigest sha256 = jdkDigest("SHA-256");

  private final MessageDigest sha1 = jdkDigest("SHA-1");

  private final MessageDigest blake2b = new Blake2b();

  private long size;

  private FileDigests digests;

  public DigestingInputStream(final InputStream in) {
    super(in);
  }

  private static MessageDigest jdkDigest(final String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    }
    catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has " + algorithm, e);
    }
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      update(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(final byte[] b, final int off, final int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      update(b, off, n);
    }
    return n;
  }

  private void update(final byte[] b, final int off, final int len) {
    if (digests != null) {
      throw new IllegalStateException("The digests were taken already; read nothing after digests()");
    }
    md5.update(b, off, len);
    sha256.update(b, off, len);
    blake2b.update(b, off, len);
    sha1.update(b, off, len);
    size += len;
  }

  @Override
  public long skip(final long n) throws IOException {
    byte[] scratch = new byte[(int) Math.min(BUFFER, Math.max(n, 0))];
    long skipped = 0;
    int read;
    while (skipped < n && (read = read(scratch, 0, (int) Math.min(scratch.length, n - skipped))) > 0) {
      skipped += read;
    }
    return skipped;
  }

  /** Through {@link #read(byte[], int, int)}, whatever the wrapped stream's own transferTo would do. */
  @Override
  public long transferTo(final OutputStream out) throws IOException {
    byte[] buffer = new byte[BUFFER];
    long total = 0;
    int read;
    while ((read = read(buffer, 0, buffer.length)) >= 0) {
      out.write(buffer, 0, read);
      total += read;
    }
    return total;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("A digesting stream cannot be reset: every byte is hashed once");
  }

  /** The number of bytes read so far. */
  public long size() {
    return size;
  }

  /** The digests of all bytes read; call once the stream is read to its end. */
  public FileDigests digests() {
    if (digests == null) {
      digests = new FileDigests(FileDigests.hex(md5.digest()), FileDigests.hex(sha256.digest()),
          FileDigests.hex(blake2b.digest()), FileDigests.hex(sha1.digest()));
    }
    return digests;
  }
}
