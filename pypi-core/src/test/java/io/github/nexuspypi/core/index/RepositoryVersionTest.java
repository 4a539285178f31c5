package io.github.nexuspypi.core.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RepositoryVersionTest
{
  // PEP 629: a client reads 1.x (absent means 1.0) and fails on a newer major version.
  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1.1", "1.4", "1.99", " 1.0 ", "1"})
  void acceptsVersionOne(final String version) {
    assertDoesNotThrow(() -> RepositoryVersion.check(version));
  }

  @Test
  void acceptsNoVersion() {
    assertDoesNotThrow(() -> RepositoryVersion.check(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.0", "10.1", "", "one.zero", "-1.0", "99999999999.0"})
  void refusesOtherMajorsAndNonsense(final String version) {
    assertThrows(IndexFormatException.class, () -> RepositoryVersion.check(version));
  }
}
