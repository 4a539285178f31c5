package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import org.sonatype.nexus.common.hash.HashAlgorithm;

import com.google.common.hash.HashCode;

import static org.sonatype.nexus.common.hash.HashAlgorithm.MD5;
import static org.sonatype.nexus.common.hash.HashAlgorithm.SHA1;
import static org.sonatype.nexus.common.hash.HashAlgorithm.SHA256;
import static org.sonatype.nexus.common.hash.HashAlgorithm.SHA512;

/**
 * Checks fetched bytes against the hash their upstream page gave, the strongest one that both sides know, so that
 * a corrupted or substituted file is never cached.
 */
final class UpstreamHashes
{
  private static final Map<String, HashAlgorithm> KNOWN = Map.of("sha512", SHA512, "sha256", SHA256, "sha1", SHA1,
      "md5", MD5);

  private static final String[] STRONGEST_FIRST = {"sha512", "sha256", "sha1", "md5"};

  private UpstreamHashes() {
  }

  /**
   * @param expected the page's hashes by PEP 503 name; none known to Nexus means nothing to check (a page without
   *                 hashes, as PEP 503 allows)
   */
  static void verify(final Map<String, String> expected, final Map<HashAlgorithm, HashCode> actual,
                     final String what) throws IOException
  {
    for (String name : STRONGEST_FIRST) {
      String hex = expected.get(name);
      if (hex != null) {
        String got = actual.get(KNOWN.get(name)).toString();
        if (!got.equals(hex.toLowerCase(Locale.ROOT))) {
          throw new IOException("Upstream sent other bytes for " + what + " than its page announced: " + name
              + " " + got + ", expected " + hex + ". Nothing was cached.");
        }
        return;
      }
    }
  }
}
