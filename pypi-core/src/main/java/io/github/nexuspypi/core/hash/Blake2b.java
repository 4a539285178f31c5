package io.github.nexuspypi.core.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * BLAKE2b (RFC 7693), unkeyed, as a {@link MessageDigest}: the JDK has none, and PyPI identifies files by their
 * 32-byte BLAKE2b digest ({@code blake2_256_digest}, and the path of pypi.org's files host).
 * <p>
 * Every upload and imported file passes through it, and it was the costliest of their four digests: the working
 * state is kept in local variables rather than an array, message words are read eight bytes at a time, and whole
 * blocks are compressed straight from the caller's array, which together make it several times faster.
 */
final class Blake2b
    extends MessageDigest
{
  /** The digest length of PyPI's {@code blake2_256_digest}. */
  public static final int BLAKE2B_256 = 32;

  private static final int BLOCK = 128;

  private static final VarHandle LITTLE_ENDIAN_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  // RFC 7693 section 2.6: the SHA-512 initialisation vector.
  private static final long IV0 = 0x6a09e667f3bcc908L;

  private static final long IV1 = 0xbb67ae8584caa73bL;

  private static final long IV2 = 0x3c6ef372fe94f82bL;

  private static final long IV3 = 0xa54ff53a5f1d36f1L;

  private static final long IV4 = 0x510e527fade682d1L;

  private static final long IV5 = 0x9b05688c2b3e6c1fL;

  private static final long IV6 = 0x1f83d9abfb41bd6bL;

  private static final long IV7 = 0x5be0cd19137e2179L;

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
    h[0] = IV0;
    h[1] = IV1;
    h[2] = IV2;
    h[3] = IV3;
    h[4] = IV4;
    h[5] = IV5;
    h[6] = IV6;
    h[7] = IV7;
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
      if (buffered == 0 && end - position > BLOCK) {
        // A whole block with more input after it, so not the last one: compressed where it lies.
        count(BLOCK);
        compress(input, position, false);
        position += BLOCK;
        continue;
      }
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
      compress(buffer, 0, false);
      buffered = 0;
    }
  }

  @Override
  protected byte[] engineDigest() {
    count(buffered);
    Arrays.fill(buffer, buffered, BLOCK, (byte) 0);
    compress(buffer, 0, true);
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

  /** The compression function F of RFC 7693 section 3.2, on the block at {@code offset}. */
  private void compress(final byte[] block, final int offset, final boolean last) {
    for (int i = 0; i < 16; i++) {
      m[i] = (long) LITTLE_ENDIAN_LONG.get(block, offset + 8 * i);
    }
    long v0 = h[0];
    long v1 = h[1];
    long v2 = h[2];
    long v3 = h[3];
    long v4 = h[4];
    long v5 = h[5];
    long v6 = h[6];
    long v7 = h[7];
    long v8 = IV0;
    long v9 = IV1;
    long v10 = IV2;
    long v11 = IV3;
    long v12 = IV4 ^ countLow;
    long v13 = IV5 ^ countHigh;
    long v14 = last ? ~IV6 : IV6;
    long v15 = IV7;
    for (int round = 0; round < ROUNDS; round++) {
      byte[] s = SIGMA[round % SIGMA.length];
      // The mixing function G of RFC 7693 section 3.1 (rotations 32, 24, 16, 63), on the columns, then the
      // diagonals, written out so that the working vector stays in registers.
      v0 += v4 + m[s[0]];
      v12 = Long.rotateRight(v12 ^ v0, 32);
      v8 += v12;
      v4 = Long.rotateRight(v4 ^ v8, 24);
      v0 += v4 + m[s[1]];
      v12 = Long.rotateRight(v12 ^ v0, 16);
      v8 += v12;
      v4 = Long.rotateRight(v4 ^ v8, 63);

      v1 += v5 + m[s[2]];
      v13 = Long.rotateRight(v13 ^ v1, 32);
      v9 += v13;
      v5 = Long.rotateRight(v5 ^ v9, 24);
      v1 += v5 + m[s[3]];
      v13 = Long.rotateRight(v13 ^ v1, 16);
      v9 += v13;
      v5 = Long.rotateRight(v5 ^ v9, 63);

      v2 += v6 + m[s[4]];
      v14 = Long.rotateRight(v14 ^ v2, 32);
      v10 += v14;
      v6 = Long.rotateRight(v6 ^ v10, 24);
      v2 += v6 + m[s[5]];
      v14 = Long.rotateRight(v14 ^ v2, 16);
      v10 += v14;
      v6 = Long.rotateRight(v6 ^ v10, 63);

      v3 += v7 + m[s[6]];
      v15 = Long.rotateRight(v15 ^ v3, 32);
      v11 += v15;
      v7 = Long.rotateRight(v7 ^ v11, 24);
      v3 += v7 + m[s[7]];
      v15 = Long.rotateRight(v15 ^ v3, 16);
      v11 += v15;
      v7 = Long.rotateRight(v7 ^ v11, 63);

      v0 += v5 + m[s[8]];
      v15 = Long.rotateRight(v15 ^ v0, 32);
      v10 += v15;
      v5 = Long.rotateRight(v5 ^ v10, 24);
      v0 += v5 + m[s[9]];
      v15 = Long.rotateRight(v15 ^ v0, 16);
      v10 += v15;
      v5 = Long.rotateRight(v5 ^ v10, 63);

      v1 += v6 + m[s[10]];
      v12 = Long.rotateRight(v12 ^ v1, 32);
      v11 += v12;
      v6 = Long.rotateRight(v6 ^ v11, 24);
      v1 += v6 + m[s[11]];
      v12 = Long.rotateRight(v12 ^ v1, 16);
      v11 += v12;
      v6 = Long.rotateRight(v6 ^ v11, 63);

      v2 += v7 + m[s[12]];
      v13 = Long.rotateRight(v13 ^ v2, 32);
      v8 += v13;
      v7 = Long.rotateRight(v7 ^ v8, 24);
      v2 += v7 + m[s[13]];
      v13 = Long.rotateRight(v13 ^ v2, 16);
      v8 += v13;
      v7 = Long.rotateRight(v7 ^ v8, 63);

      v3 += v4 + m[s[14]];
      v14 = Long.rotateRight(v14 ^ v3, 32);
      v9 += v14;
      v4 = Long.rotateRight(v4 ^ v9, 24);
      v3 += v4 + m[s[15]];
      v14 = Long.rotateRight(v14 ^ v3, 16);
      v9 += v14;
      v4 = Long.rotateRight(v4 ^ v9, 63);
    }
    h[0] ^= v0 ^ v8;
    h[1] ^= v1 ^ v9;
    h[2] ^= v2 ^ v10;
    h[3] ^= v3 ^ v11;
    h[4] ^= v4 ^ v12;
    h[5] ^= v5 ^ v13;
    h[6] ^= v6 ^ v14;
    h[7] ^= v7 ^ v15;
  }
}
