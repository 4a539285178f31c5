package io.github.nexuspypi.core.hash;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * BLAKE2b (RFC 7693), unkeyed, as a {@link MessageDigest}: the JDK has none, and PyPI identifies files by their
 * 32-byte BLAKE2b digest ({@code blake2_256_digest}, and the path of pypi.org's files host).
 */
final class Blake2b
    extends MessageDigest
{
  /** The digest length of PyPI's {@code blake2_256_digest}. */
  public static final int BLAKE2B_256 = 32;

  private static final int BLOCK = 128;

  // RFC 7693 section 2.6: the SHA-512 initialisation vector.
  private static final long[] IV = {
      0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
      0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L
  };

  // RFC 7693 section 2.7: the message word permutations, one per round; rounds 10 and 11 reuse 0 and 1.
  private static final byte[][] SIGMA = {
      {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
      {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
      {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
      {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
      {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
      {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
      {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
      {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
      {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
      {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0}
  };

  private static final int ROUNDS = 12;

  private final int digestLength;

  private final long[] h = new long[8];

  private final long[] v = new long[16];

  private final long[] m = new long[16];

  private final byte[] buffer = new byte[BLOCK];

  private int buffered;

  /** Bytes compressed so far: the 128-bit counter t of the RFC, low and high words. */
  private long countLow;

  private long countHigh;

  /** BLAKE2b-256, PyPI's flavour. */
  public Blake2b() {
    this(BLAKE2B_256);
  }

  public Blake2b(final int digestLength) {
    super("BLAKE2b-" + digestLength * 8);
    if (digestLength < 1 || digestLength > 64) {
      throw new IllegalArgumentException("BLAKE2b digests are 1 to 64 bytes long, not " + digestLength);
    }
    this.digestLength = digestLength;
    engineReset();
  }

  @Override
  protected int engineGetDigestLength() {
    return digestLength;
  }

  @Override
  protected void engineReset() {
    System.arraycopy(IV, 0, h, 0, 8);
    // Parameter block word 0: digest length, no key, fanout 1, depth 1 (RFC 7693 section 2.5).
    h[0] ^= 0x01010000L ^ digestLength;
    buffered = 0;
    countLow = 0;
    countHigh = 0;
  }

  @Override
  protected void engineUpdate(final byte input) {
    compressFullBuffer();
    buffer[buffered++] = input;
  }

  @Override
  protected void engineUpdate(final byte[] input, final int offset, final int length) {
    int position = offset;
    int end = offset + length;
    while (position < end) {
      compressFullBuffer();
      int take = Math.min(BLOCK - buffered, end - position);
      System.arraycopy(input, position, buffer, buffered, take);
      buffered += take;
      position += take;
    }
  }

  /** A full buffer is compressed only once more input arrives: the last block must carry the final flag. */
  private void compressFullBuffer() {
    if (buffered == BLOCK) {
      count(BLOCK);
      compress(false);
      buffered = 0;
    }
  }

  @Override
  protected byte[] engineDigest() {
    count(buffered);
    Arrays.fill(buffer, buffered, BLOCK, (byte) 0);
    compress(true);
    byte[] out = new byte[digestLength];
    for (int i = 0; i < digestLength; i++) {
      out[i] = (byte) (h[i >> 3] >>> (8 * (i & 7)));
    }
    engineReset();
    return out;
  }

  private void count(final int bytes) {
    countLow += bytes;
    if (Long.compareUnsigned(countLow, bytes) < 0) {
      countHigh++;
    }
  }

  private void compress(final boolean last) {
    for (int i = 0; i < 16; i++) {
      m[i] = littleEndianLong(buffer, 8 * i);
    }
    System.arraycopy(h, 0, v, 0, 8);
    System.arraycopy(IV, 0, v, 8, 8);
    v[12] ^= countLow;
    v[13] ^= countHigh;
    if (last) {
      v[14] = ~v[14];
    }
    for (int round = 0; round < ROUNDS; round++) {
      byte[] s = SIGMA[round % SIGMA.length];
      mix(0, 4, 8, 12, m[s[0]], m[s[1]]);
      mix(1, 5, 9, 13, m[s[2]], m[s[3]]);
      mix(2, 6, 10, 14, m[s[4]], m[s[5]]);
      mix(3, 7, 11, 15, m[s[6]], m[s[7]]);
      mix(0, 5, 10, 15, m[s[8]], m[s[9]]);
      mix(1, 6, 11, 12, m[s[10]], m[s[11]]);
      mix(2, 7, 8, 13, m[s[12]], m[s[13]]);
      mix(3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
    for (int i = 0; i < 8; i++) {
      h[i] ^= v[i] ^ v[i + 8];
    }
  }

  /** The mixing function G of RFC 7693 section 3.1, rotation constants 32, 24, 16, 63. */
  private void mix(final int a, final int b, final int c, final int d, final long x, final long y) {
    v[a] += v[b] + x;
    v[d] = Long.rotateRight(v[d] ^ v[a], 32);
    v[c] += v[d];
    v[b] = Long.rotateRight(v[b] ^ v[c], 24);
    v[a] += v[b] + y;
    v[d] = Long.rotateRight(v[d] ^ v[a], 16);
    v[c] += v[d];
    v[b] = Long.rotateRight(v[b] ^ v[c], 63);
  }

  private static long littleEndianLong(final byte[] bytes, final int offset) {
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (bytes[offset + i] & 0xffL);
    }
    return value;
  }
}
