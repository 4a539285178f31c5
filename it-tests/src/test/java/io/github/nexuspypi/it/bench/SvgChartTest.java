package io.github.nexuspypi.it.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvgChartTest
{
  private static final Curve JSON = Curve.of("JSON", List.of(10, 100, 1000), List.of(1.0, 2.0, 20.0));

  private static final Curve HTML = Curve.of("HTML <& \"quoted\">", List.of(10, 100, 1000), List.of(1.0, 1.5, 9.0));

  @Test
  void eachCurveIsALineThroughItsPointsWithAnEntryInTheLegend() throws Exception {
    Document svg = parse(new SvgChart("Pages", "files", "ms", true).add(JSON).add(HTML).toString());

    NodeList lines = svg.getElementsByTagName("polyline");
    assertEquals(2, lines.getLength());
    assertEquals(3, ((Element) lines.item(0)).getAttribute("points").split(" ").length);
    assertEquals(6, svg.getElementsByTagName("circle").getLength());
    assertTrue(texts(svg).contains("HTML <& \"quoted\">"), "the legend names the curve, escaped: " + texts(svg));
    assertTrue(texts(svg).contains("files (logarithmic)"), texts(svg).toString());
  }

  @Test
  void sizesOnALogarithmicAxisAreEvenlySpacedAndTheHighestPointIsBelowTheTop() throws Exception {
    Document svg = parse(new SvgChart("Pages", "files", "ms", true).add(JSON).toString());

    String[] points = ((Element) svg.getElementsByTagName("polyline").item(0)).getAttribute("points").split(" ");
    double x0 = Double.parseDouble(points[0].split(",")[0]);
    double x1 = Double.parseDouble(points[1].split(",")[0]);
    double x2 = Double.parseDouble(points[2].split(",")[0]);
    assertEquals(x1 - x0, x2 - x1, 0.2);
    // The y axis ends at 20, the largest value: its point is on the top line, the others lower (larger y).
    double top = Double.parseDouble(points[2].split(",")[1]);
    assertTrue(Double.parseDouble(points[0].split(",")[1]) > top);
    assertTrue(texts(svg).contains("20"), texts(svg).toString());
  }

  @Test
  void theAxisEndsAtARoundNumber() {
    assertEquals(20, SvgChart.niceCeiling(20));
    assertEquals(50, SvgChart.niceCeiling(21));
    assertEquals(0.5, SvgChart.niceCeiling(0.31), 1e-12);
    assertEquals(1000, SvgChart.niceCeiling(501));
  }

  @Test
  void writesBesideTheReportAndLinksItFromThere(@TempDir final Path folder) throws Exception {
    String markdown = new SvgChart("Root", "projects", "ms", false).add(JSON)
        .writeBeside(folder.resolve("benchmarks.md"), "root.svg");

    assertEquals("![Root](benchmarks/root.svg)\n", markdown);
    parse(Files.readString(folder.resolve("benchmarks/root.svg")));
  }

  @Test
  void aChartNeedsACurveAndALogarithmicAxisPositiveSizes() {
    assertThrows(IllegalStateException.class, () -> new SvgChart("Empty", "x", "y", false).toString());
    assertThrows(IllegalArgumentException.class, () -> new SvgChart("Log", "x", "y", true)
        .add(Curve.of("zero", List.of(0, 1), List.of(1, 1))));
  }

  private static Document parse(final String svg) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
  }

  private static List<String> texts(final Document svg) {
    List<String> texts = new ArrayList<>();
    NodeList nodes = svg.getElementsByTagName("text");
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    return texts;
  }
}
