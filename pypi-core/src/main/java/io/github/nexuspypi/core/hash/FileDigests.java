package io.github.nexuspypi.core.hash;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HexFormat;

/**
 * The three digests PyPI records for every file, as lower-case hex: MD5 (still shown by older clients),
 * SHA-256 (the {@code #sha256=} of index links) and BLAKE2b-256 (Warehouse's file identity); and SHA-1, which no
 * index publishes but a repository may key its stored files by (Nexus's blob stores do), so that storing a file
 * never reads it a second time to hash it.
 */
public record FileDigests(String md5, String sha256, String blake2b256, String sha1)
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
