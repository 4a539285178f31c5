package io.github.nexuspypi.core.index;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlTokenizerTest
{
  private static List<HtmlToken> tokens(final String html) throws IOException {
    HtmlTokenizer tokenizer = new HtmlTokenizer(new StringReader(html));
    List<HtmlToken> tokens = new ArrayList<>();
    for (HtmlToken token = tokenizer.next(); token != null; token = tokenizer.next()) {
      tokens.add(token);
    }
    return tokens;
  }

  @Test
  void readsTagsAttributesAndText() throws IOException {
    assertEquals(List.of(
            HtmlToken.startTag("a", Map.of("href", "x.whl", "data-yanked", "")),
            HtmlToken.text("x.whl"),
            HtmlToken.endTag("a"),
            HtmlToken.startTag("br", Map.of())),
        tokens("<a href=\"x.whl\" data-yanked>x.whl</a><br />"));
  }

  @Test
  void acceptsEveryQuotingAndCase() throws IOException {
    HtmlToken tag = tokens("<A HREF=x.whl#sha256=ab Data-Requires-Python='&gt;=3.8' data-x = \"y z\">").get(0);
    assertEquals("a", tag.name());
    assertEquals(Map.of("href", "x.whl#sha256=ab", "data-requires-python", ">=3.8", "data-x", "y z"),
        tag.attributes());
  }

  @Test
  void keepsTheFirstOfRepeatedAttributes() throws IOException {
    assertEquals(Map.of("href", "first"), tokens("<a href=first href=second>").get(0).attributes());
  }

  @Test
  void skipsCommentsDoctypeAndProcessingInstructions() throws IOException {
    assertEquals(List.of(HtmlToken.text("a"), HtmlToken.text("b"), HtmlToken.text("c")),
        tokens("<!DOCTYPE html><?xml version='1.0'?>a<!-- <a href=x>x</a> -- -->b<!--SERIAL 123-->c<!---->"));
  }

  @Test
  void skipsScriptAndStyleContents() throws IOException {
    List<HtmlToken> tokens = tokens("<script>if (a<b) document.write('<a href=\"x\">')</SCRIPT ><style>a{}</style>"
        + "<a href=y>");
    assertEquals(List.of(HtmlToken.startTag("script", Map.of()), HtmlToken.startTag("style", Map.of()),
        HtmlToken.startTag("a", Map.of("href", "y"))), tokens);
  }

  @Test
  void treatsStrayLessThanAsText() throws IOException {
    assertEquals(List.of(HtmlToken.text("a "), HtmlToken.text("< b")), tokens("a < b"));
  }

  @Test
  void ignoresEndTagsWithoutName() throws IOException {
    assertEquals(List.of(HtmlToken.text("a")), tokens("</>a</ >"));
  }

  @Test
  void dropsATagCutOffByTheEndOfInput() throws IOException {
    assertEquals(List.of(HtmlToken.text("text")), tokens("text<a href=\"unterminated"));
  }

  @Test
  void refusesMonstrousTags() {
    String html = "<a href=\"" + "x".repeat(HtmlTokenizer.MAX_TAG_LENGTH) + "\">";
    IndexFormatException e = assertThrows(IndexFormatException.class, () -> tokens(html));
    assertTrue(e.getMessage().contains("longer than"), e.getMessage());
  }

  @Test
  void boundsTextRuns() throws IOException {
    List<HtmlToken> tokens = tokens("x".repeat(HtmlTokenizer.MAX_TEXT_LENGTH * 3) + "<br>");
    assertEquals(HtmlTokenizer.MAX_TEXT_LENGTH, tokens.get(0).text().length());
    assertEquals(HtmlToken.startTag("br", Map.of()), tokens.get(1));
  }
}
