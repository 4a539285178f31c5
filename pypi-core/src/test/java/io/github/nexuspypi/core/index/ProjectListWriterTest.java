package io.github.nexuspypi.core.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProjectListWriterTest
{
  private static final List<String> NAMES = List.of("Frob", "spam.eggs", "Zope.Interface");

  @Test
  void convertsAnUpstreamRootIntoBothFormatsInOnePass() throws IOException {
    ByteArrayOutputStream upstream = new ByteArrayOutputStream();
    SimpleJsonWriter.writeIndex(NAMES.stream().map(ProjectListEntry::new).iterator(), upstream);

    ByteArrayOutputStream html = new ByteArrayOutputStream();
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    try (Writer htmlOut = new OutputStreamWriter(html, StandardCharsets.UTF_8);
         ProjectListWriter htmlList = ProjectListWriter.html(htmlOut);
         ProjectListWriter jsonList = ProjectListWriter.json(json)) {
      SimpleJsonParser.parseIndex(new ByteArrayInputStream(upstream.toByteArray()), entry -> {
        try {
          htmlList.add(entry);
          jsonList.add(entry);
        }
        catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }

    assertEquals(NAMES, namesOfHtml(html.toString(StandardCharsets.UTF_8)));
    assertEquals(NAMES, namesOfJson(json.toByteArray()));
  }

  @Test
  void anEmptyListIsAValidPage() throws IOException {
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    try (ProjectListWriter list = ProjectListWriter.json(json)) {
      // nothing added
    }
    assertEquals(List.of(), namesOfJson(json.toByteArray()));
  }

  private static List<String> namesOfHtml(final String page) throws IOException {
    List<String> names = new ArrayList<>();
    SimpleHtmlParser.parseIndex(new StringReader(page), entry -> names.add(entry.name()));
    return names;
  }

  private static List<String> namesOfJson(final byte[] page) throws IOException {
    List<String> names = new ArrayList<>();
    SimpleJsonParser.parseIndex(new ByteArrayInputStream(page), entry -> names.add(entry.name()));
    return names;
  }
}
