package io.github.nexuspypi.core.index;

import java.io.IOException;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HtmlEntitiesTest
{
  @Test
  void escapesWhatHtmlAttributesAndTextNeed() throws IOException {
    StringWriter out = new StringWriter();
    HtmlEntities.escape(">=3.8, <4 & \"x\" 'y'", out);
    assertEquals("&gt;=3.8, &lt;4 &amp; &quot;x&quot; &#39;y&#39;", out.toString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "&gt;=3.6                | >=3.6",
      "&lt;4,&gt;=3.7          | <4,>=3.7",
      "a &amp; b               | a & b",
      "&#62;=3.6               | >=3.6",
      "&#x3E;=3.6              | >=3.6",
      "&#X3c;4                 | <4",
      "&#60                    | <",
      "&#0;                    | \ufffd",
      "&#xD800;                | \ufffd",
      "&#99999999999;          | \ufffd",
      "&#x1F40D;               | \ud83d\udc0d",
      "&gt                     | >",
      "&gt=3.6                 | &gt=3.6",
      "&amplifier;             | &amplifier;",
      "&unknown;               | &unknown;",
      "&#;                     | &#;",
      "&#xZZ;                  | &#xZZ;",
      "a&b&c                   | a&b&c",
      "trailing &              | trailing &",
      "&nbsp;                  | \u00a0"
  })
  void decodesCharacterReferences(final String encoded, final String decoded) {
    assertEquals(decoded, HtmlEntities.decode(encoded));
  }

  @Test
  void decodesQuotes() {
    assertEquals("\"q\" 'x' &apos", HtmlEntities.decode("&quot;q&quot; &apos;x&#39; &apos"));
  }

  @Test
  void decodesWhatItEscapes() throws IOException {
    String text = "<a href=\"x\">'&'</a>";
    StringWriter out = new StringWriter();
    HtmlEntities.escape(text, out);
    assertEquals(text, HtmlEntities.decode(out.toString()));
  }
}
