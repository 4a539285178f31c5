package io.github.nexuspypi.it.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LinearFitTest
{
  @Test
  void pointsOnALineGiveThatLineAndExplainEverything() {
    LinearFit fit = LinearFit.of(new double[] {10, 100, 1000, 10000}, new double[] {7, 25, 205, 2005});

    assertEquals(0.2, fit.slope(), 1e-9);
    assertEquals(5, fit.intercept(), 1e-9);
    assertEquals(1, fit.rSquared(), 1e-9);
    assertEquals(405, fit.at(2000), 1e-9);
  }

  @Test
  void scatteredPointsExplainLess() {
    LinearFit fit = LinearFit.of(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4});

    assertEquals(0.8, fit.slope(), 1e-9);
    assertEquals(0.5, fit.intercept(), 1e-9);
    assertEquals(0.64, fit.rSquared(), 1e-9);
  }

  @Test
  void aFlatCurveIsExplainedWholeByAFlatLine() {
    LinearFit fit = LinearFit.of(new double[] {1, 10, 100}, new double[] {3, 3, 3});

    assertEquals(0, fit.slope(), 1e-12);
    assertEquals(1, fit.rSquared(), 1e-12);
  }

  @Test
  void noLineFitsOnePointOrOneX() {
    assertThrows(IllegalArgumentException.class, () -> LinearFit.of(new double[] {1}, new double[] {1}));
    assertThrows(IllegalArgumentException.class, () -> LinearFit.of(new double[] {2, 2}, new double[] {1, 5}));
    assertThrows(IllegalArgumentException.class, () -> LinearFit.of(new double[] {1, 2}, new double[] {1}));
  }
}
