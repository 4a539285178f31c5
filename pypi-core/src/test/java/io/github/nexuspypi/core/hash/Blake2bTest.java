package io.github.nexuspypi.core.hash;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Blake2bTest
{
  @Test
  void matchesRfc7693AppendixA() {
    Blake2b blake2b = new Blake2b(64);
    blake2b.update(ascii("abc"));
    assertEquals("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
        + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923", FileDigests.hex(blake2b.digest()));
  }

  // Expected values from CPython: hashlib.blake2b(data, digest_size=32).hexdigest().
  @ParameterizedTest
  @CsvSource({
      "'', 0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8",
      "abc, bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319",
      "The quick brown fox jumps over the lazy dog, 01718cec35cd3d796dd00020e0bfecb473ad23457d063b75eff29c0ffa2e58a9"
  })
  void computesBlake2b256OfText(final String text, final String expected) {
    assertEquals(expected, FileDigests.hex(new Blake2b().digest(ascii(text))));
  }

  // Lengths around the 128-byte block, where the last-block rule and the counter matter; data[i] = i % 251, as
  // hashlib.blake2b(bytes(i % 251 for i in range(n)), digest_size=32).hexdigest().
  @ParameterizedTest
  @CsvSource({
      "127, f2fe67ff342e21b8f45e8f2e0bcd1d9243245d50ee6c78042e9c491388791c72",
      "128, c3582f71ebb2be66fa5dd750f80baae97554f3b015663c8be377cfcb2488c1d1",
      "129, f7f3c46ba2564ff4c4c162da1f5b605f9f1c4aa6a20652a9f9a337c1a2f5b9c9",
      "255, d9ef0fc521b4266d16df662bec231bc2ec3989e7adeaf63169c295dc239dbbea",
      "256, 582f782226018ec33076bd8d1c42413530ac7e1126260ffc0f306ba3befc3f24",
      "257, 227e15ed64ee8e93eb7bc53828f76eed974f2c4ab1408c3d08f212b7f8d69904",
      "1000000, 9e5e2f2d303e7db6db30a3355a9a7def57785f58e04a95b22254b60ab9e9a51b"
  })
  void computesBlake2b256AcrossBlockBoundaries(final int length, final String expected) {
    byte[] data = pattern(length);
    assertEquals(expected, FileDigests.hex(new Blake2b().digest(data)));

    Blake2b streamed = new Blake2b();
    Random random = new Random(length);
    int position = 0;
    while (position < length) {
      if (random.nextInt(4) == 0) {
        streamed.update(data[position++]);
      }
      else {
        int chunk = Math.min(random.nextInt(300), length - position);
        streamed.update(data, position, chunk);
        position += chunk;
      }
    }
    assertEquals(expected, FileDigests.hex(streamed.digest()));
  }

  @Test
  void startsAfreshAfterEachDigest() {
    Blake2b blake2b = new Blake2b();
    blake2b.update(pattern(1000));
    blake2b.digest();
    blake2b.update(ascii("abc"));
    assertEquals("bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319", FileDigests.hex(blake2b.digest()));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 65, -1})
  void refusesLengthsBlake2bHasNot(final int length) {
    assertThrows(IllegalArgumentException.class, () -> new Blake2b(length));
  }

  static byte[] pattern(final int length) {
    byte[] data = new byte[length];
    for (int i = 0; i < length; i++) {
      data[i] = (byte) (i % 251);
    }
    return data;
  }

  private static byte[] ascii(final String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
