package io.github.nexuspypi.core.warehouse;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonGenerator;

import io.github.nexuspypi.core.metadata.CoreMetadata;

/**
 * The {@code info} object of the Warehouse JSON API: the selected release's core metadata under Warehouse's names.
 * A field the metadata lacks is {@code null}, as is one that says {@code UNKNOWN}: old setuptools wrote that for
 * every field not given, and Warehouse drops such values on upload.
 */
final class WarehouseInfo
{
  private static final String UNKNOWN = "UNKNOWN";

  private WarehouseInfo() {
  }

  static void write(final CoreMetadata metadata, final WarehouseRelease release, final String projectUrl,
                    final String releaseUrl, final JsonGenerator json) throws IOException
  {
    json.writeObjectFieldStart("info");
    json.writeStringField("author", text(metadata, "Author"));
    json.writeStringField("author_email", text(metadata, "Author-email"));
    json.writeNullField("bugtrack_url");
    list("classifiers", values(metadata, "Classifier"), json);
    json.writeStringField("description", known(metadata.description()));
    json.writeStringField("description_content_type", text(metadata, "Description-Content-Type"));
    json.writeNullField("docs_url");
    json.writeStringField("download_url", text(metadata, "Download-URL"));
    json.writeObjectFieldStart("downloads");
    json.writeNumberField("last_day", -1);
    json.writeNumberField("last_month", -1);
    json.writeNumberField("last_week", -1);
    json.writeEndObject();
    listOrNull("dynamic", values(metadata, "Dynamic"), json);
    json.writeStringField("home_page", text(metadata, "Home-page"));
    json.writeStringField("keywords", text(metadata, "Keywords"));
    json.writeStringField("license", text(metadata, "License"));
    json.writeStringField("license_expression", text(metadata, "License-Expression"));
    listOrNull("license_files", values(metadata, "License-File"), json);
    json.writeStringField("maintainer", text(metadata, "Maintainer"));
    json.writeStringField("maintainer_email", text(metadata, "Maintainer-email"));
    json.writeStringField("name", metadata.name());
    json.writeStringField("package_url", projectUrl);
    // Warehouse keeps one platform string per release; several Platform fields are joined into it.
    List<String> platforms = values(metadata, "Platform");
    json.writeStringField("platform", platforms.isEmpty() ? null : String.join(", ", platforms));
    json.writeStringField("project_url", projectUrl);
    projectUrls(values(metadata, "Project-URL"), json);
    listOrNull("provides_extra", values(metadata, "Provides-Extra"), json);
    json.writeStringField("release_url", releaseUrl);
    listOrNull("requires_dist", values(metadata, "Requires-Dist"), json);
    json.writeStringField("requires_python", text(metadata, "Requires-Python"));
    json.writeStringField("summary", text(metadata, "Summary"));
    json.writeStringField("version", release.version());
    json.writeBooleanField("yanked", release.isYanked());
    json.writeStringField("yanked_reason", release.isYanked() ? release.yank().reason() : null);
    json.writeEndObject();
  }

  /** {@code Project-URL: Label, https://...}; Warehouse shows them as label to URL, or null when there are none. */
  private static void projectUrls(final List<String> values, final JsonGenerator json) throws IOException {
    if (values.isEmpty()) {
      json.writeNullField("project_urls");
      return;
    }
    json.writeObjectFieldStart("project_urls");
    for (String value : values) {
      int comma = value.indexOf(',');
      if (comma >= 0) {
        json.writeStringField(value.substring(0, comma).strip(), value.substring(comma + 1).strip());
      }
    }
    json.writeEndObject();
  }

  private static String text(final CoreMetadata metadata, final String field) {
    return known(metadata.get(field));
  }

  private static String known(final Optional<String> value) {
    return value.filter(v -> !v.equals(UNKNOWN)).orElse(null);
  }

  private static List<String> values(final CoreMetadata metadata, final String field) {
    return metadata.getAll(field).stream().filter(v -> !v.equals(UNKNOWN)).toList();
  }

  private static void listOrNull(final String field, final List<String> values, final JsonGenerator json)
      throws IOException
  {
    if (values.isEmpty()) {
      json.writeNullField(field);
    }
    else {
      list(field, values, json);
    }
  }

  private static void list(final String field, final List<String> values, final JsonGenerator json)
      throws IOException
  {
    json.writeArrayFieldStart(field);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }
}
