package io.github.nexuspypi.core.index;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectListMergeTest
{
  @Test
  void pullsProjectsOneAtATimeWhateverSurroundsThem() throws IOException {
    String page = """
        {"meta": {"api-version": "1.1", "_last-serial": 3},
         "projects": [{"name": "Frob", "_last-serial": 1}, {"_x": [1]}, {"name": "spam"}],
         "trailer": {"a": [1, 2]}}
        """;
    try (ProjectListReader reader = SimpleJsonParser.openIndex(stream(page))) {
      assertEquals(new ProjectListEntry("Frob"), reader.next());
      assertEquals(new ProjectListEntry("spam"), reader.next());
      assertNull(reader.next());
      assertNull(reader.next());
    }
  }

  @Test
  void aPulledPageIsReadOnlyAsFarAsAsked() throws IOException {
    int projects = 50_000;
    LazyText page = LazyText.of("{\"meta\": {\"api-version\": \"1.0\"}, \"projects\": [", projects,
        i -> (i == 0 ? "" : ",") + "{\"name\": \"p" + i + "\"}", "]}");
    try (ProjectListReader reader = SimpleJsonParser.openIndex(page.inputStream())) {
      assertEquals(new ProjectListEntry("p0"), reader.next());
      assertTrue(page.remaining() > projects / 2, "reading the first project read most of the page");
    }
  }

  @Test
  void aMalformedOrNewerPageIsRefused() {
    assertThrows(IndexFormatException.class,
        () -> drain(SimpleJsonParser.openIndex(stream("{\"projects\": [{\"name\":"))));
    assertThrows(IndexFormatException.class, () -> drain(SimpleJsonParser.openIndex(stream("{\"projects\": {}}"))));
    assertThrows(IOException.class,
        () -> drain(SimpleJsonParser.openIndex(stream("{\"meta\": {\"api-version\": \"2.0\"}, \"projects\": []}"))));
  }

  @Test
  void mergesSortedListsEachNameOnceFirstListsSpellingFirst() throws IOException {
    List<String> merged = merge(
        List.of("Alpha", "django", "Zope"),
        List.of("alpha", "Beta", "zope.interface"),
        List.of(),
        List.of("Django", "gamma"));

    assertEquals(List.of("Alpha", "Beta", "django", "gamma", "Zope", "zope.interface"), merged);
  }

  @Test
  void anUnsortedListStillMergesEveryName() throws IOException {
    List<String> merged = merge(List.of("b", "a", "c"), List.of("a", "d"));

    assertEquals(List.of("a", "b", "c", "d"), merged.stream().distinct().sorted().toList());
  }

  private static List<String> merge(final List<String>... lists) throws IOException {
    List<ProjectListReader> readers = new ArrayList<>();
    for (List<String> list : lists) {
      StringBuilder json = new StringBuilder("{\"meta\": {\"api-version\": \"1.0\"}, \"projects\": [");
      for (int i = 0; i < list.size(); i++) {
        json.append(i == 0 ? "" : ",").append("{\"name\": \"").append(list.get(i)).append("\"}");
      }
      readers.add(SimpleJsonParser.openIndex(stream(json + "]}")));
    }
    StringWriter html = new StringWriter();
    try (ProjectListWriter out = ProjectListWriter.html(html)) {
      ProjectListMerge.merge(readers, out);
    }
    List<String> names = new ArrayList<>();
    SimpleHtmlParser.parseIndex(new StringReader(html.toString()), entry -> names.add(entry.name()));
    return names;
  }

  private static void drain(final ProjectListReader reader) throws IOException {
    while (reader.next() != null) {
      // read on
    }
  }

  private static ByteArrayInputStream stream(final String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
