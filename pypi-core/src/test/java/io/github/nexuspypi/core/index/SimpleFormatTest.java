package io.github.nexuspypi.core.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimpleFormatTest
{
  // The Accept headers that real clients send (pypi-protocol.md §2), and the PEP 691 example.
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "pip 22.2+       | application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html; q=0.1, text/html; q=0.01 | JSON_V1",
      "uv, PEP 691     | application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01 | JSON_V1",
      "poetry 2.3      | application/vnd.pypi.simple.v1+json, */*;q=0.1 | JSON_V1",
      "our proxy       | application/vnd.pypi.simple.v1+json, text/html;q=0.1 | JSON_V1",
      "pip < 22.2      | text/html | TEXT_HTML",
      "curl            | */* | TEXT_HTML",
      "Firefox         | 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' | TEXT_HTML",
      "Chrome          | 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7' | TEXT_HTML",
      "HTML only       | application/vnd.pypi.simple.v1+html | HTML_V1",
      "latest JSON     | application/vnd.pypi.simple.latest+json | JSON_V1",
      "latest HTML     | application/vnd.pypi.simple.latest+html | HTML_V1",
      "case            | Application/VND.PyPI.Simple.V1+JSON | JSON_V1",
      "html refused    | 'text/html;q=0, */*' | HTML_V1",
      "application/*   | application/* | HTML_V1",
      "text/*          | 'text/*;q=0.5, application/vnd.pypi.simple.v1+json' | JSON_V1",
      "q beats order   | 'text/html;q=0.3, application/vnd.pypi.simple.v1+json;q=0.4' | JSON_V1",
      "specific wins   | 'application/vnd.pypi.simple.v1+json;q=0, application/*' | HTML_V1",
      "nothing fits    | application/json | TEXT_HTML",
      "unknown major   | application/vnd.pypi.simple.v2+json | TEXT_HTML",
      "all refused     | '*/*;q=0' | TEXT_HTML",
      "bad q ignored   | 'text/html;q=abc, application/vnd.pypi.simple.v1+json;q=0.5' | JSON_V1",
      "q above 1       | 'application/vnd.pypi.simple.v1+json;q=2, text/html;q=0.5' | TEXT_HTML",
      "garbage         | ';;,,x' | TEXT_HTML"
  })
  void negotiatesAsPypiOrg(final String client, final String accept, final SimpleFormat expected) {
    assertEquals(expected, SimpleFormat.negotiate(accept));
  }

  @ParameterizedTest
  @NullAndEmptySource
  void noHeaderMeansAnything(final String accept) {
    assertEquals(SimpleFormat.TEXT_HTML, SimpleFormat.negotiate(accept));
  }

  @Test
  void mediaTypesAreThoseOfPep691() {
    assertEquals("application/vnd.pypi.simple.v1+json", SimpleFormat.JSON_V1.mediaType());
    assertEquals("application/vnd.pypi.simple.v1+html", SimpleFormat.HTML_V1.mediaType());
    assertEquals("text/html", SimpleFormat.TEXT_HTML.mediaType());
    assertTrue(SimpleFormat.JSON_V1.isJson());
    assertFalse(SimpleFormat.HTML_V1.isJson());
  }

  @ParameterizedTest
  @CsvSource({
      "'application/vnd.pypi.simple.v1+json', JSON_V1",
      "'Application/vnd.pypi.simple.v1+JSON; charset=utf-8', JSON_V1",
      "'text/html; charset=UTF-8', TEXT_HTML",
      "'application/vnd.pypi.simple.v1+html', HTML_V1",
      "'application/vnd.pypi.simple.latest+json', JSON_V1"
  })
  void readsResponseContentTypes(final String contentType, final SimpleFormat expected) {
    assertEquals(expected, SimpleFormat.ofMediaType(contentType));
  }

  @Test
  void otherContentTypesAreNoSimplePage() {
    assertNull(SimpleFormat.ofMediaType("application/json"));
    assertNull(SimpleFormat.ofMediaType("text/plain"));
    assertNull(SimpleFormat.ofMediaType(null));
  }
}
