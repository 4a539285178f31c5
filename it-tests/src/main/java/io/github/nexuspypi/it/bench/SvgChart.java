package io.github.nexuspypi.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A line chart of {@link Curve}s as an SVG file: what a reader of {@code docs/benchmarks.md} looks at before the
 * tables. The x axis marks each measured size, on a logarithmic scale when the sizes span orders of magnitude; the
 * y axis starts at 0, so that a flat curve looks flat and a linear one straight on a linear x axis.
 */
public final class SvgChart
{
  private static final int WIDTH = 640;

  private static final int HEIGHT = 360;

  private static final int LEFT = 70;

  private static final int RIGHT = 190;

  private static final int TOP = 40;

  private static final int BOTTOM = 50;

  private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};

  private final String title;

  private final String xLabel;

  private final String yLabel;

  private final boolean logarithmicX;

  private final List<Curve> curves = new ArrayList<>();

  public SvgChart(final String title, final String xLabel, final String yLabel, final boolean logarithmicX) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.logarithmicX = logarithmicX;
  }

  public SvgChart add(final Curve curve) {
    if (logarithmicX && Arrays.stream(curve.x()).anyMatch(x -> x <= 0)) {
      throw new IllegalArgumentException(curve.name() + ": a logarithmic axis has no place for sizes of 0 or less");
    }
    curves.add(curve);
    return this;
  }

  public boolean isEmpty() {
    return curves.isEmpty();
  }

  /**
   * Writes the chart as {@code benchmarks/<fileName>} beside the Markdown report; returns the Markdown that shows it
   * there.
   */
  public String writeBeside(final Path report, final String fileName) {
    writeTo(report.toAbsolutePath().resolveSibling("benchmarks").resolve(fileName));
    return "![" + escape(title) + "](benchmarks/" + fileName + ")\n";
  }

  /** Writes the chart to {@code file}, creating its folder. */
  public void writeTo(final Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, toString());
    }
    catch (IOException e) {
      throw new UncheckedIOException("Cannot write the chart " + file, e);
    }
  }

  @Override
  public String toString() {
    if (curves.isEmpty()) {
      throw new IllegalStateException(title + ": a chart needs a curve");
    }
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = 0;
    for (Curve curve : curves) {
      for (int i = 0; i < curve.x().length; i++) {
        minX = Math.min(minX, scaleX(curve.x()[i]));
        maxX = Math.max(maxX, scaleX(curve.x()[i]));
        maxY = Math.max(maxY, curve.y()[i]);
      }
    }
    double yTop = niceCeiling(maxY);
    Plot plot = new Plot(minX, maxX == minX ? minX + 1 : maxX, yTop);

    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
        .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    text(svg, WIDTH / 2.0 - RIGHT / 2.0, 22, "middle", "font-size=\"14\" font-weight=\"bold\"", title);
    axes(svg, plot, yTop);
    for (int c = 0; c < curves.size(); c++) {
      series(svg, plot, curves.get(c), COLOURS[c % COLOURS.length], c);
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private void axes(final StringBuilder svg, final Plot plot, final double yTop) {
    double x0 = LEFT;
    double y0 = HEIGHT - BOTTOM;
    svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1fV%.1fH%.1f\" fill=\"none\" stroke=\"black\"/>%n",
        x0, (double) TOP, y0, (double) (WIDTH - RIGHT)));
    for (int tick = 0; tick <= 4; tick++) {
      double value = yTop * tick / 4;
      double y = plot.y(value);
      svg.append(String.format(Locale.ROOT,
          "<path d=\"M%.1f %.1fH%.1f\" stroke=\"#ddd\"/>%n", x0, y, (double) (WIDTH - RIGHT)));
      text(svg, x0 - 6, y + 4, "end", "", number(value));
    }
    List<Double> sizes = new ArrayList<>();
    curves.forEach(curve -> Arrays.stream(curve.x()).filter(x -> !sizes.contains(x)).forEach(sizes::add));
    for (double size : sizes) {
      double x = plot.x(scaleX(size));
      svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1fv5\" stroke=\"black\"/>%n", x, y0));
      text(svg, x, y0 + 18, "middle", "", number(size));
    }
    text(svg, (LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 10, "middle", "",
        xLabel + (logarithmicX ? " (logarithmic)" : ""));
    svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" "
        + "transform=\"rotate(-90 16 %.1f)\">%s</text>%n", (TOP + y0) / 2, (TOP + y0) / 2, escape(yLabel)));
  }

  private void series(final StringBuilder svg, final Plot plot, final Curve curve, final String colour,
                      final int index)
  {
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < curve.x().length; i++) {
      points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", plot.x(scaleX(curve.x()[i])),
          plot.y(curve.y()[i])));
    }
    svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
        .append(points).append("\"/>\n");
    for (int i = 0; i < curve.x().length; i++) {
      svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
          plot.x(scaleX(curve.x()[i])), plot.y(curve.y()[i]), colour));
    }
    double legendY = TOP + 10 + index * 20;
    double legendX = WIDTH - RIGHT + 15;
    svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1fh20\" stroke=\"%s\" stroke-width=\"2\"/>%n",
        legendX, legendY, colour));
    text(svg, legendX + 26, legendY + 4, "start", "", curve.name());
  }

  private double scaleX(final double x) {
    return logarithmicX ? Math.log10(x) : x;
  }

  private static void text(final StringBuilder svg, final double x, final double y, final String anchor,
                           final String attributes, final String content)
  {
    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s>%s</text>%n", x, y,
        anchor, attributes.isEmpty() ? "" : " " + attributes, escape(content)));
  }

  static String escape(final String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** 1, 2 or 5 times a power of ten, at or above {@code value}: round numbers on the y axis. */
  static double niceCeiling(final double value) {
    if (value <= 0) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 5, 10}) {
      if (step * power >= value) {
        return step * power;
      }
    }
    return 10 * power;
  }

  private static String number(final double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) value).replace(',', ' ');
    }
    return String.format(Locale.ROOT, "%.3g", value);
  }

  /** Maps data onto the drawing area. */
  private static final class Plot
  {
    private final double minX;

    private final double maxX;

    private final double maxY;

    private Plot(final double minX, final double maxX, final double maxY) {
      this.minX = minX;
      this.maxX = maxX;
      this.maxY = maxY;
    }

    double x(final double scaled) {
      return LEFT + (scaled - minX) / (maxX - minX) * (WIDTH - LEFT - RIGHT);
    }

    double y(final double value) {
      return HEIGHT - BOTTOM - value / maxY * (HEIGHT - TOP - BOTTOM);
    }
  }
}
