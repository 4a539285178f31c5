package io.github.nexuspypi.core.hash;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DigestingInputStreamTest
{
  // The wheels Debian ships; expected values from CPython's hashlib (md5, sha256, blake2b digest_size=32, sha1).
  @ParameterizedTest
  @CsvSource({
      "pip-23.0.1-py3-none-any.whl, 1698754, 65040d4199544276220637454a6db623, "
          + "da59ca7250b6284ac0e77a9d287004ea090bb0e30e0c9451c0e34398d45596ba, "
          + "b417a6c09c75e3009fb086590b124d0a7193384ab26d2fe24ea7ac78acae95c3, "
          + "1dc1cf1509488d03427d64b49104d56a89017c10",
      "setuptools-66.1.1-py3-none-any.whl, 1261745, 296a67e9442afa8a5cc922af349871bc, "
          + "ef1f3a7bf4474ec7d4dc1e4108fd3f3188d432242da6fa2708155fd2189642a8, "
          + "fd50e6bd9d4ba2c92d8ee47701256b65678e335dbc8da92daf6ee69a2280b211, "
          + "63236d449c667edbaadb8eeb7fae6b16a4fdffd4",
      "wheel-0.38.4-py3-none-any.whl, 36047, 66faa526b5850bef4dcaf0bd92f93168, "
          + "d9f5ba91b3866f3845930531e0870436e2dd6e919787f627c0f1c16b97219a5f, "
          + "4f333d2570976cb1131332e9e9c77d2ef6f569b9d274a1bf040c1de0da003b4f, "
          + "6bebdd9556d1efee1bc4a1f3fb4b605337465149"
  })
  void digestsRealWheelsInOnePass(final String wheel, final long size, final String md5, final String sha256,
                                  final String blake2b256, final String sha1) throws IOException
  {
    try (InputStream file = Files.newInputStream(Path.of("/usr/share/python-wheels", wheel));
         DigestingInputStream in = new DigestingInputStream(file))
    {
      assertEquals(size, in.transferTo(OutputStream.nullOutputStream()));
      assertEquals(size, in.size());
      assertEquals(new FileDigests(md5, sha256, blake2b256, sha1), in.digests());
    }
  }

  @Test
  void hashesWhatIsSkippedAndReadByteByByte() throws IOException {
    byte[] data = Blake2bTest.pattern(100_000);
    FileDigests expected = FileDigests.of(new ByteArrayInputStream(data));
    try (DigestingInputStream in = new DigestingInputStream(new ByteArrayInputStream(data))) {
      assertEquals(0, in.read());
      assertEquals(50_000, in.skip(50_000));
      assertEquals(50_001 % 251, in.read());
      assertEquals(49_998, in.skip(1_000_000));
      assertEquals(-1, in.read());
      assertEquals(100_000, in.size());
      assertEquals(expected, in.digests());
    }
  }

  @Test
  void matchesTheJdkDigestsOfEmptyInput() throws IOException {
    FileDigests empty = FileDigests.of(new ByteArrayInputStream(new byte[0]));
    assertEquals("d41d8cd98f00b204e9800998ecf8427e", empty.md5());
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", empty.sha256());
    assertEquals("0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8", empty.blake2b256());
    assertEquals("da39a3ee5e6b4b0d3255bfef95601890afd80709", empty.sha1());
  }

  @Test
  void cannotBeRewound() throws IOException {
    try (DigestingInputStream in = new DigestingInputStream(new ByteArrayInputStream(new byte[10]))) {
      assertFalse(in.markSupported());
      assertThrows(IOException.class, in::reset);
    }
  }
}
