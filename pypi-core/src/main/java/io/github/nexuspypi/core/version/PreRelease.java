package io.github.nexuspypi.core.version;

import java.math.BigInteger;
import java.util.Locale;

/** The pre-release part of a version: {@code a1}, {@code b2}, {@code rc3}, whatever the spelling it came in. */
record PreRelease(Label label, BigInteger number)
{
  /** In release order: alphas, then betas, then release candidates. */
  enum Label
  {
    A, B, RC
  }

  static PreRelease of(final String spelling, final BigInteger number) {
    return new PreRelease(label(spelling.toLowerCase(Locale.ROOT)), number);
  }

  // PEP 440 "Pre-release spelling": the long and the alternative spellings all name these three.
  private static Label label(final String spelling) {
    return switch (spelling) {
      case "a", "alpha" -> Label.A;
      case "b", "beta" -> Label.B;
      default -> Label.RC;
    };
  }

  @Override
  public String toString() {
    return label.name().toLowerCase(Locale.ROOT) + number;
  }
}
