package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WarehouseDigestsTest
{
  private static final String SHA256 = "0123456789abcdef".repeat(4);

  @Test
  void theThreeShownDigestsAreKeptInLowerCaseWhenWellFormed() {
    assertEquals(Map.of("sha256", SHA256, "md5", "ab".repeat(16), "blake2b_256", SHA256),
        WarehouseDigests.of(Map.of("sha256", SHA256.toUpperCase(), "md5", "AB".repeat(16), "blake2b_256", SHA256)));
  }

  @Test
  void otherNamesAndMalformedValuesAreLeftOut() {
    assertEquals(Map.of(), WarehouseDigests.of(Map.of("sha512", "ab".repeat(64), "sha256", SHA256 + "0",
        "md5", "not hex at all, but 32 chars...")));
  }
}
