package io.github.nexuspypi.core.warehouse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WarehouseJsonMergeTest
{
  @Test
  void theMergedProjectDescribesTheLatestOfAllReleasesEachFileOnce() throws IOException {
    ObjectNode first = document("""
        {"info": {"name": "demo", "version": "1.0", "summary": "first"}, "last_serial": 3,
         "releases": {"1.0": [%s, %s]},
         "urls": [%s, %s], "vulnerabilities": []}
        """.formatted(file("demo-1.0.tar.gz", "a", false), file("demo-1.0-py3-none-any.whl", "b", false),
        file("demo-1.0.tar.gz", "a", false), file("demo-1.0-py3-none-any.whl", "b", false)));
    ObjectNode second = document("""
        {"info": {"name": "demo", "version": "2.0", "summary": "second"}, "last_serial": 7,
         "releases": {"1.0": [%s], "2.0": [%s], "3.0rc1": [%s]},
         "urls": [%s], "vulnerabilities": []}
        """.formatted(file("demo-1.0.tar.gz", "other", false), file("demo-2.0.tar.gz", "c", false),
        file("demo-3.0rc1.tar.gz", "d", false), file("demo-2.0.tar.gz", "c", false)));

    ObjectNode merged = WarehouseJsonMerge.project(List.of(first, second));

    assertEquals("2.0", merged.at("/info/version").asText());
    assertEquals("second", merged.at("/info/summary").asText());
    assertEquals(7, merged.get("last_serial").asLong());
    assertEquals(List.of("1.0", "2.0", "3.0rc1"), fieldNames(merged.get("releases")));
    assertEquals(List.of("a", "b"), digests(merged.at("/releases/1.0")), "the first index's file of a name is kept");
    assertEquals(List.of("c"), digests(merged.get("urls")));
  }

  @Test
  void aYankedReleaseIsNotTheLatestWhileAnotherIsNot() throws IOException {
    ObjectNode first = document("""
        {"info": {"version": "1.0"}, "releases": {"1.0": [%s]}, "urls": []}
        """.formatted(file("demo-1.0.tar.gz", "a", false)));
    ObjectNode second = document("""
        {"info": {"version": "2.0"}, "releases": {"2.0": [%s]}, "urls": []}
        """.formatted(file("demo-2.0.tar.gz", "b", true)));

    ObjectNode merged = WarehouseJsonMerge.project(List.of(first, second));

    assertEquals("1.0", merged.at("/info/version").asText());
    assertEquals(List.of("a"), digests(merged.get("urls")));
  }

  @Test
  void aReleasesFilesFromSeveralIndexesAreMerged() throws IOException {
    ObjectNode first = document("""
        {"info": {"version": "1.0", "summary": "first"}, "urls": [%s]}
        """.formatted(file("demo-1.0.tar.gz", "a", false)));
    ObjectNode second = document("""
        {"info": {"version": "1.0", "summary": "second"}, "urls": [%s, %s]}
        """.formatted(file("demo-1.0.tar.gz", "other", false), file("demo-1.0-py3-none-any.whl", "b", false)));

    ObjectNode merged = WarehouseJsonMerge.release(List.of(first, second));

    assertEquals("first", merged.at("/info/summary").asText());
    assertEquals(List.of("a", "b"), digests(merged.get("urls")));
  }

  @Test
  void aDocumentThatIsNoObjectIsRefused() {
    assertThrows(IOException.class, () -> WarehouseJsonMerge.read(
        new ByteArrayInputStream("[]".getBytes(StandardCharsets.UTF_8))));
  }

  private static ObjectNode document(final String json) throws IOException {
    return WarehouseJsonMerge.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static String file(final String filename, final String sha256, final boolean yanked) {
    return "{\"filename\": \"" + filename + "\", \"digests\": {\"sha256\": \"" + sha256 + "\"}, \"yanked\": "
        + yanked + "}";
  }

  private static List<String> digests(final JsonNode files) {
    List<String> digests = new ArrayList<>();
    files.forEach(file -> digests.add(file.at("/digests/sha256").asText()));
    return digests;
  }

  private static List<String> fieldNames(final JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
