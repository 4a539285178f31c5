package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails the read that goes past a limit, so that an upstream answer too large to be what it claims is refused
 * rather than read to the end.
 */
public final class SizeLimitedInputStream
    extends FilterInputStream
{
  private final long limit;

  private final String what;

  private long read;

  public SizeLimitedInputStream(final InputStream in, final long limit, final String what) {
    super(in);
    this.limit = limit;
    this.what = what;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(final byte[] b, final int off, final int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(final long n) throws IOException {
    long skipped = super.skip(n);
    count(skipped);
    return skipped;
  }

  private void count(final long bytes) throws IOException {
    read += bytes;
    if (read > limit) {
      throw new IOException(what + " is larger than " + limit / (1024 * 1024) + " MiB.");
    }
  }
}
