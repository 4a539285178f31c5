package io.github.nexuspypi.it.bench;

/**
 * The least-squares line {@code y = intercept + slope * x} through a curve's points, and how much of the curve it
 * explains ({@link #rSquared()}): how a growth benchmark tells a linear cost from one that grows faster.
 */
public record LinearFit(double intercept, double slope, double rSquared)
{
  public static LinearFit of(final double[] x, final double[] y) {
    if (x.length != y.length || x.length < 2) {
      throw new IllegalArgumentException("A line needs at least two points, as many x as y: " + x.length + " x, "
          + y.length + " y");
    }
    double meanX = mean(x);
    double meanY = mean(y);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - meanX) * (y[i] - meanY);
      sxx += (x[i] - meanX) * (x[i] - meanX);
      syy += (y[i] - meanY) * (y[i] - meanY);
    }
    if (sxx == 0) {
      throw new IllegalArgumentException("Every point has the same x: no line fits");
    }
    double slope = sxy / sxx;
    // A constant y is explained whole by a flat line.
    double rSquared = syy == 0 ? 1 : sxy * sxy / (sxx * syy);
    return new LinearFit(meanY - slope * meanX, slope, rSquared);
  }

  /** The line's value at {@code x}. */
  public double at(final double x) {
    return intercept + slope * x;
  }

  private static double mean(final double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.length;
  }
}
