package io.github.nexuspypi.it.bench;

import java.util.Arrays;
import java.util.List;

/**
 * A measured cost against a size (files in a page, projects in a root, members of a group, clients): one series of a
 * growth benchmark, with what judges its shape. Sizes grow by orders of magnitude, where a fitted line says little
 * about the small ones: the shape is judged on the slope between neighbouring sizes instead.
 */
public record Curve(String name, double[] x, double[] y)
{
  public Curve {
    if (x.length != y.length || x.length < 2) {
      throw new IllegalArgumentException(name + ": a curve needs at least two points, as many x as y");
    }
    for (int i = 1; i < x.length; i++) {
      if (x[i] <= x[i - 1]) {
        throw new IllegalArgumentException(name + ": sizes must grow, got " + Arrays.toString(x));
      }
    }
    x = x.clone();
    y = y.clone();
  }

  public static Curve of(final String name, final List<? extends Number> x, final List<? extends Number> y) {
    return new Curve(name, x.stream().mapToDouble(Number::doubleValue).toArray(),
        y.stream().mapToDouble(Number::doubleValue).toArray());
  }

  public LinearFit fit() {
    return LinearFit.of(x, y);
  }

  /** Largest y over smallest y: 1 for a flat curve. */
  public double spread() {
    double min = Arrays.stream(y).min().orElseThrow();
    double max = Arrays.stream(y).max().orElseThrow();
    return max / min;
  }

  /**
   * The cost each unit of size added between the two largest sizes, over what it added between the two before: about
   * 1 for a linear cost, about the ratio of the sizes (10 for sizes a decade apart) for a quadratic one, below 1
   * while a fixed cost still dominates. Needs three points.
   */
  public double lastSlopeRatio() {
    if (x.length < 3) {
      throw new IllegalStateException(name + ": a slope ratio needs three points");
    }
    int last = x.length - 1;
    return slope(last - 1, last) / slope(last - 2, last - 1);
  }

  private double slope(final int from, final int to) {
    return (y[to] - y[from]) / (x[to] - x[from]);
  }
}
