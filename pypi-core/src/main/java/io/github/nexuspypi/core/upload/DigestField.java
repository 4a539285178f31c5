package io.github.nexuspypi.core.upload;

import java.util.function.Function;
import java.util.regex.Pattern;

import io.github.nexuspypi.core.hash.FileDigests;

/** The digest fields of the upload form, each with its hex length and the server's own value to compare. */
enum DigestField
{
  MD5("md5_digest", "MD5", 32, FileDigests::md5),
  SHA256("sha256_digest", "SHA256", 64, FileDigests::sha256),
  BLAKE2_256("blake2_256_digest", "BLAKE2", 64, FileDigests::blake2b256);

  private final String field;

  private final String algorithm;

  private final Pattern hex;

  private final Function<FileDigests, String> computed;

  DigestField(final String field, final String algorithm, final int length,
              final Function<FileDigests, String> computed)
  {
    this.field = field;
    this.algorithm = algorithm;
    this.hex = Pattern.compile("[0-9a-fA-F]{" + length + "}");
    this.computed = computed;
  }

  String field() {
    return field;
  }

  /** Warehouse's wording; every client sends hex, whatever PyPI's documentation once said of MD5. */
  void checkFormat(final String value) throws UploadRejectedException {
    if (!hex.matcher(value).matches()) {
      throw UploadRejectedException.badRequest("Invalid value for " + field + ". Error: Use a valid, hex-encoded, "
          + algorithm + " message digest.");
    }
  }

  boolean matches(final String value, final FileDigests digests) {
    return value.equalsIgnoreCase(computed.apply(digests));
  }
}
