package io.github.nexuspypi.repository.pypi.internal.proxy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.nexuspypi.core.index.SimpleFormat;
import io.github.nexuspypi.repository.pypi.internal.index.ProjectListFiles;

import org.sonatype.nexus.repository.view.Content;
import org.sonatype.nexus.repository.view.payloads.StringPayload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpstreamRootTest
{
  @TempDir
  Path temporary;

  @Test
  void entriesWhoseNamesAreNoProjectNamesAreDropped() throws IOException {
    String upstream = "<!DOCTYPE html><html><body>\n"
        + "<a href=\"u\">javascript:alert(1)//</a>\n"
        + "<a href=\"s\">&lt;script&gt;</a>\n"
        + "<a href=\"p\">../../../service/rest</a>\n"
        + "<a href=\"/simple/fine-project/\">Fine.Project</a>\n"
        + "<a href=\"/simple/a/\">a</a>\n"
        + "</body></html>\n";
    ProjectListFiles converted = ProjectListFiles.create(temporary, "root-");

    UpstreamRoot.convert(new Content(new StringPayload(upstream, StandardCharsets.UTF_8, "text/html")), converted);

    String htmlRoot = Files.readString(converted.file(SimpleFormat.TEXT_HTML));
    String jsonRoot = Files.readString(converted.file(SimpleFormat.JSON_V1));
    for (String root : new String[] {htmlRoot, jsonRoot}) {
      assertTrue(root.contains("Fine.Project"), root);
      assertFalse(root.contains("javascript") || root.contains("script") || root.contains("service"), root);
    }
    assertEquals(2, htmlRoot.split("<a ").length - 1, htmlRoot);
    assertEquals(2, jsonRoot.split("\"name\"").length - 1, jsonRoot);
  }
}
