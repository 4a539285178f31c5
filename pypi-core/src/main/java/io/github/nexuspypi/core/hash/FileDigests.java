package io.github.nexuspypi.core.hash;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HexFormat;

/**
 * The three digests PyPI records for every file, as lower-case hex: MD5 (still shown by older clients),
 * SHA-256 (the {@code #sha256=} of index links) and BLAKE2b-256 (Warehouse's file identity).
 */
public record FileDigests(String md5, String sha256, String blake2b256)
{
  private static final HexFormat HEX = HexFormat.of();

  /** Lower-case hex, the only spelling of a digest on the wire. */
  public static String hex(final byte[] digest) {
    return HEX.formatHex(digest);
  }

  /** Reads the stream to its end, a buffer at a time, and returns its digests; the stream is left open. */
  public static FileDigests of(final InputStream in) throws IOException {
    DigestingInputStream digesting = new DigestingInputStream(in);
    digesting.transferTo(OutputStream.nullOutputStream());
    return digesting.digests();
  }
}
