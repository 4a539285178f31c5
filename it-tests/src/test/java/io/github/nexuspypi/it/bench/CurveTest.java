package io.github.nexuspypi.it.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CurveTest
{
  private static final List<Integer> DECADES = List.of(10, 100, 1000, 10000);

  @Test
  void aLinearCostAddsTheSamePerUnitBetweenTheLargestSizesAsBefore() {
    Curve linear = Curve.of("linear", DECADES, List.of(5.2, 5.2 + 9 * 0.2, 5.2 + 99 * 0.2, 5.2 + 999 * 0.2));

    assertEquals(1, linear.lastSlopeRatio(), 1e-9);
  }

  @Test
  void aQuadraticCostAddsAboutTheRatioOfTheSizesMore() {
    Curve quadratic = Curve.of("quadratic", DECADES, DECADES.stream().map(n -> (double) n * n).toList());

    assertEquals(10, quadratic.lastSlopeRatio(), 1e-9);
  }

  @Test
  void aFixedCostThatStillDominatesGivesARatioBelowOne() {
    Curve fixed = Curve.of("fixed", List.of(10, 100, 1000), List.of(50.0, 50.5, 51.0));

    assertEquals(0.1, fixed.lastSlopeRatio(), 1e-9);
  }

  @Test
  void theSpreadIsTheLargestOverTheSmallest() {
    assertEquals(1, Curve.of("flat", DECADES, List.of(2, 2, 2, 2)).spread(), 1e-12);
    assertEquals(1.5, Curve.of("varied", DECADES, List.of(2, 3, 2.5, 2)).spread(), 1e-12);
  }

  @Test
  void sizesMustGrowAndASlopeRatioNeedsThreePoints() {
    assertThrows(IllegalArgumentException.class, () -> Curve.of("down", List.of(10, 1), List.of(1, 1)));
    assertThrows(IllegalArgumentException.class, () -> Curve.of("uneven", List.of(1, 2), List.of(1)));
    assertThrows(IllegalStateException.class, () -> Curve.of("two", List.of(1, 2), List.of(1, 2)).lastSlopeRatio());
  }
}
