package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.sonatype.nexus.common.hash.HashAlgorithm;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@SuppressWarnings("deprecation") // md5 and sha1: what pages still announce
class UpstreamHashesTest
{
  private static final byte[] BYTES = "the wheel".getBytes(StandardCharsets.UTF_8);

  private static final Map<HashAlgorithm, HashCode> ACTUAL = Map.of(
      HashAlgorithm.SHA512, Hashing.sha512().hashBytes(BYTES),
      HashAlgorithm.SHA256, Hashing.sha256().hashBytes(BYTES),
      HashAlgorithm.SHA1, Hashing.sha1().hashBytes(BYTES),
      HashAlgorithm.MD5, Hashing.md5().hashBytes(BYTES));

  private static final String SHA256 = Hashing.sha256().hashBytes(BYTES).toString();

  @Test
  void theRightBytesPassInAnyCase() {
    assertDoesNotThrow(() -> UpstreamHashes.verify(Map.of("sha256", SHA256.toUpperCase()), ACTUAL, "a.whl"));
  }

  @Test
  void otherBytesAreRefusedNamingTheFileAndBothHashes() {
    String other = Hashing.sha256().hashBytes(new byte[1]).toString();

    IOException refused = assertThrows(IOException.class,
        () -> UpstreamHashes.verify(Map.of("sha256", other), ACTUAL, "a.whl"));

    assertTrue(refused.getMessage().contains("a.whl") && refused.getMessage().contains(other)
        && refused.getMessage().contains(SHA256), refused.getMessage());
  }

  @Test
  void onlyTheStrongestAnnouncedHashDecides() {
    // A wrong md5 beside a right sha256 is not checked: the sha256 says more.
    assertDoesNotThrow(() -> UpstreamHashes.verify(Map.of("sha256", SHA256, "md5", "00"), ACTUAL, "a.whl"));
    assertThrows(IOException.class,
        () -> UpstreamHashes.verify(Map.of("sha256", "00", "md5", Hashing.md5().hashBytes(BYTES).toString()),
            ACTUAL, "a.whl"));
  }

  @Test
  void aPageWithoutHashesNexusKnowsChecksNothing() {
    assertDoesNotThrow(() -> UpstreamHashes.verify(Map.of(), ACTUAL, "a.whl"));
    assertDoesNotThrow(() -> UpstreamHashes.verify(Map.of("blake2b_256", "00"), ACTUAL, "a.whl"));
  }
}
