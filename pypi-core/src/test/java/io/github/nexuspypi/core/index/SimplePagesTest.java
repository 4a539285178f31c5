package io.github.nexuspypi.core.index;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SimplePagesTest
{
  private static final URI PAGE = URI.create("https://index.example/simple/frob/");

  private static final String JSON = "{\"meta\":{\"api-version\":\"1.0\"},\"name\":\"frob\",\"files\":"
      + "[{\"filename\":\"frob-1.0.tar.gz\",\"url\":\"frob-1.0.tar.gz\",\"hashes\":{}}]}";

  private static final String HTML = "<html><body><a href=\"frob-1.0.tar.gz#sha256=aa\">frob-1.0.tar.gz</a>"
      + "</body></html>";

  @ParameterizedTest
  @CsvSource({
      "application/vnd.pypi.simple.v1+json",
      "application/vnd.pypi.simple.latest+json",
      "APPLICATION/VND.PYPI.SIMPLE.V1+JSON; charset=utf-8"
  })
  void jsonTypesAreReadAsJson(final String contentType) throws IOException {
    ProjectPage page = SimplePages.parseProject(bytes(JSON), contentType, PAGE);
    assertEquals("https://index.example/simple/frob/frob-1.0.tar.gz", page.files().get(0).url());
  }

  @ParameterizedTest
  @CsvSource(value = {"text/html", "application/vnd.pypi.simple.v1+html", "text/html; charset=ISO-8859-1",
      "application/octet-stream", "NULL"}, nullValues = "NULL")
  void everythingElseIsReadAsHtml(final String contentType) throws IOException {
    ProjectPage page = SimplePages.parseProject(bytes(HTML), contentType, PAGE);
    assertEquals("aa", page.files().get(0).hashes().get("sha256"));
  }

  @Test
  void aPageReadPartByPartHandsOverEachFileAndVersionInPageOrderAndNamesTheProject() throws IOException {
    String json = "{\"meta\":{\"api-version\":\"1.1\"},\"versions\":[\"0.9\",\"1.0\"],\"name\":\"Frob\","
        + "\"files\":[{\"filename\":\"frob-1.0.tar.gz\",\"url\":\"a\"},{\"filename\":\"frob-0.9.tar.gz\",\"url\":\"b\"}]}";
    List<String> seen = new ArrayList<>();
    ProjectPageSink sink = new ProjectPageSink()
    {
      @Override
      public void file(final DistributionLink file) {
        seen.add(file.filename() + " " + file.url());
      }

      @Override
      public void version(final String version) {
        seen.add(version);
      }
    };

    assertEquals("Frob", SimplePages.readProject(bytes(json), SimpleFormat.JSON_V1.mediaType(), PAGE, sink));
    assertEquals(List.of("0.9", "1.0", "frob-1.0.tar.gz " + PAGE + "a", "frob-0.9.tar.gz " + PAGE + "b"), seen);

    seen.clear();
    assertEquals("frob", SimplePages.readProject(bytes(HTML), "text/html", PAGE, sink));
    assertEquals(List.of("frob-1.0.tar.gz " + PAGE + "frob-1.0.tar.gz"), seen);
  }

  @Test
  void htmlIsDecodedInTheCharsetItsTypeNames() throws IOException {
    byte[] latin1 = "<a href=\"x/\">caf\u00e9</a>".getBytes(StandardCharsets.ISO_8859_1);
    List<String> names = new ArrayList<>();
    SimplePages.parseIndex(new ByteArrayInputStream(latin1), "text/html; charset=\"ISO-8859-1\"",
        entry -> names.add(entry.name()));
    assertEquals(List.of("caf\u00e9"), names);
  }

  @Test
  void anUnknownCharsetFallsBackToUtf8() {
    assertEquals(StandardCharsets.UTF_8, SimplePages.charset("text/html; charset=no-such-charset"));
  }

  private static ByteArrayInputStream bytes(final String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
